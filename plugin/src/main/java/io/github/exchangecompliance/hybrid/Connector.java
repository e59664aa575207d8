package io.github.exchangecompliance.hybrid;

import io.github.exchangecompliance.model.ReceiveConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A receive connector with its bindings and remote IP ranges read, and what of them could not be read.
 */
public record Connector(
        ReceiveConnector declared, List<Binding> bindings, List<AddressRange> ranges, List<ValueProblem> problems) {

    public static Connector of(ReceiveConnector declared) {
        List<Binding> bindings = new ArrayList<>();
        List<ValueProblem> problems = new ArrayList<>();
        declared.bindings()
                .forEach(b -> Binding.parse(b)
                        .ifPresentOrElse(
                                bindings::add,
                                () -> problems.add(new ValueProblem(b, "is not a binding address:port"))));
        List<AddressRange> ranges = new ArrayList<>();
        for (var written : declared.remoteIPRanges()) {
            ParsedRange parsed = AddressRange.parse(written);
            if (parsed instanceof AddressRange range) {
                ranges.add(range);
            } else if (parsed instanceof ValueProblem problem) {
                problems.add(problem);
            }
        }
        return new Connector(declared, bindings, ranges, problems);
    }

    public String name() {
        return declared.name() == null ? "(unnamed)" : declared.name().value();
    }

    public boolean listensOn(int port) {
        return bindings.stream().anyMatch(b -> b.port() == port);
    }

    /**
     * The transport role in Exchange's spelling: {@code -TransportRole} takes any case, and Ansible, DSC and
     * PowerShell keep what was written.
     */
    public Optional<String> transportRole() {
        return Optional.ofNullable(declared.transportRole())
                .map(v -> v.value().strip())
                .map(role -> ROLES.stream()
                        .filter(role::equalsIgnoreCase)
                        .findFirst()
                        .orElse(role));
    }

    private static final List<String> ROLES = List.of("FrontendTransport", "HubTransport");

    public boolean markedHybrid() {
        return declared.hybrid() != null && declared.hybrid().value();
    }

    /** The remote ranges as a set of canonical ranges, to compare connectors whatever the spelling. */
    public Set<String> rangeSet() {
        Set<String> set = new TreeSet<>();
        ranges.forEach(r -> set.add(r.range().toCanonicalString()));
        return set;
    }

    public boolean includesAll(boolean ipv6) {
        return ranges.stream().anyMatch(r -> r.all() && r.ipv6() == ipv6);
    }
}
