package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Binding;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HcwChoice;
import io.github.exchangecompliance.hybrid.ValueProblem;
import io.github.exchangecompliance.model.Server;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3007",
        name = "connector-bindings",
        severity = Severity.ERROR,
        summary = "A binding or remote IP range cannot be parsed, a range runs backwards, or two connectors of the "
                + "same transport role on one server share a binding and an identical set of remote ranges.",
        description = "Bindings are 'IPv4Address:TCPPort' or '[IPv6Address]:TCPPort'; RemoteIPRanges take single "
                + "addresses, ranges a-b and CIDR blocks (no wildcards such as 10.0.0.*). An invalid local address "
                + "can stop MSExchangeTransport from starting, and Exchange refuses two connectors of one role with "
                + "the same binding and the same remote ranges, because it could not tell which one a connection "
                + "is for. An Edge server's connectors, declared without a role, share its one transport service.",
        sources = {
            "https://learn.microsoft.com/powershell/module/exchange/set-receiveconnector",
            "https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors"
        })
public final class ConnectorBindings implements ServerRule {

    @Override
    public void check(Server server, Inspection inspection, Reporter out) {
        List<Connector> connectors = HcwChoice.connectors(server);
        for (Connector connector : connectors) {
            for (ValueProblem problem : connector.problems()) {
                out.report(
                        problem.written().location(),
                        "'" + problem.written().value() + "' of the receive " + "connector '" + connector.name()
                                + "' on " + server.displayName() + " " + problem.why());
            }
        }
        for (int i = 0; i < connectors.size(); i++) {
            for (int j = 0; j < i; j++) {
                Connector later = connectors.get(i);
                Connector earlier = connectors.get(j);
                if (clash(earlier, later, server.isEdge())) {
                    out.report(
                            later.declared().location(),
                            "the receive connectors '" + earlier.name() + "' and '"
                                    + later.name() + "' on " + server.displayName() + " share a binding and the same "
                                    + "RemoteIPRanges in the same transport role, which Exchange refuses; change the "
                                    + "binding or the ranges of one of them");
                }
            }
        }
    }

    /** An Edge server has one transport service: its connectors, declared without a role, share it. */
    private static boolean clash(Connector a, Connector b, boolean edge) {
        if (!a.problems().isEmpty()
                || !b.problems().isEmpty()
                || (a.transportRole().isEmpty() && !edge)
                || !a.transportRole().equals(b.transportRole())
                || a.ranges().isEmpty()) {
            return false;
        }
        Set<String> bindings = a.bindings().stream().map(Binding::identity).collect(Collectors.toSet());
        return b.bindings().stream().map(Binding::identity).anyMatch(bindings::contains)
                && a.rangeSet().equals(b.rangeSet());
    }
}
