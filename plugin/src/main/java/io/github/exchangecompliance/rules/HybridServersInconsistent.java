package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3006",
        name = "hybrid-servers-inconsistent",
        severity = Severity.WARNING,
        summary = "The hybrid mail-flow servers end up with hybrid connectors that differ in certificate name, "
                + "domain capabilities or role.",
        description = "Exchange Online sends hybrid mail to any of the hybrid mail-flow servers; if their hybrid "
                + "connectors differ, mail flow works through some and fails through others, which looks random. "
                + "The advice from the field: run HCW with one server, see which connector it configured, and "
                + "configure matching connectors on the other hybrid servers. Each server is compared with the "
                + "first hybrid mail-flow server (see HCW's choice: " + RuleDescriptor.DOCS + "hcw.html).",
        sources = {RuleDescriptor.DOCS + "hcw.html"})
public final class HybridServersInconsistent implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        List<HybridServers.HybridServer> picked = inspection.hybridServers().stream()
                .filter(HybridServers.HybridServer::picked)
                .toList();
        if (picked.size() < 2) {
            return;
        }
        HybridServers.HybridServer first = picked.get(0);
        for (HybridServers.HybridServer other : picked.subList(1, picked.size())) {
            List<String> differences = differences(first.connector(), other.connector());
            if (!differences.isEmpty()) {
                out.report(
                        other.connector().declared().location(),
                        "the hybrid connector '" + other.connector().name()
                                + "' on " + other.server().displayName() + " differs from '"
                                + first.connector().name()
                                + "' on " + first.server().displayName() + " in " + String.join(", ", differences)
                                + "; configure the hybrid connectors of all hybrid servers alike");
            }
        }
    }

    private static List<String> differences(Connector a, Connector b) {
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(
                lower(a.declared().tlsCertificateName()), lower(b.declared().tlsCertificateName()))) {
            differences.add("tlsCertificateName");
        }
        if (!capabilities(a).equals(capabilities(b))) {
            differences.add("tlsDomainCapabilities");
        }
        if (!a.transportRole().equals(b.transportRole())) {
            differences.add("transportRole");
        }
        return differences;
    }

    private static String lower(Value<String> value) {
        return value == null ? null : value.value().strip().toLowerCase(Locale.ROOT);
    }

    private static SortedSet<String> capabilities(Connector connector) {
        TreeSet<String> set = new TreeSet<>();
        connector
                .declared()
                .tlsDomainCapabilities()
                .forEach(c -> set.add(c.value().strip().toLowerCase(Locale.ROOT).replace(" ", "")));
        return set;
    }
}
