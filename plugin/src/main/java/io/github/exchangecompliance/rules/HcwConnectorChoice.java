package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HcwChoice;
import io.github.exchangecompliance.hybrid.HybridServers;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3001",
        name = "hcw-connector-choice",
        severity = Severity.ERROR,
        breaksService = true,
        precision = "high",
        summary = "On a hybrid mail-flow server, the connector HCW will pick is not the one marked hybrid: true "
                + "(or, with none marked, is not a FrontendTransport connector), or no connector qualifies.",
        description = "The Hybrid Configuration Wizard asks for servers, not connectors, and picks the receive "
                + "connector itself: among the connectors bound to TCP 25, frontend and hub alike, the first tier "
                + "by RemoteIPRanges (IPv6-all plus IPv4-all; IPv4-all; IPv6-all; one IPv6 and one IPv4; a single "
                + "IPv4). Narrowing the Default Frontend connector, or adding a relay connector on port 25, makes "
                + "HCW configure another connector than the one meant, and hybrid mail flow breaks over its TLS "
                + "certificate name, domain capabilities or transport role. The order was observed by an Exchange "
                + "MVP in a five-forest enterprise; no Microsoft document states it (see HCW's choice: "
                + RuleDescriptor.DOCS + "hcw.html).",
        sources = {
            RuleDescriptor.DOCS + "hcw.html",
            "https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors"
        })
public final class HcwConnectorChoice implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        for (HybridServers.HybridServer hybrid : inspection.hybridServers()) {
            String server = hybrid.server().displayName();
            if (hybrid.choice() instanceof HcwChoice.Impossible impossible) {
                out.report(
                        hybrid.server().location(),
                        "HCW can configure no receive connector on " + server + ": "
                                + impossible.why() + "; keep the Default Frontend connector bound to port 25 with "
                                + "RemoteIPRanges IPv6-all and IPv4-all");
                continue;
            }
            if (!(hybrid.choice() instanceof HcwChoice.Picked picked)) {
                continue;
            }
            Connector chosen = picked.connector();
            Optional<Connector> marked = HcwChoice.connectors(hybrid.server()).stream()
                    .filter(Connector::markedHybrid)
                    .findFirst();
            String why = "HCW will configure '" + chosen.name() + "' on " + server + " ("
                    + picked.tier().describe() + ")";
            if (marked.isPresent() && !marked.get().name().equalsIgnoreCase(chosen.name())) {
                out.report(
                        marked.get().declared().location(),
                        why + ", not '" + marked.get().name()
                                + "', the connector marked hybrid: true (" + HcwChoice.describe(marked.get())
                                + "); give '" + marked.get().name() + "' a better tier than '" + chosen.name()
                                + "' (IPv6-all and IPv4-all), or change the ranges of '" + chosen.name() + "'");
            } else if (marked.isEmpty()
                    && !hybrid.server().isEdge()
                    && chosen.transportRole()
                            .filter("FrontendTransport"::equals)
                            .isEmpty()) {
                // RULES.md: with none marked, a picked connector that is not FrontendTransport (an Edge server's
                // connectors have no transport role).
                String role = chosen.transportRole()
                        .map(r -> "a " + r + " connector")
                        .orElse("a connector without a declared transportRole");
                out.report(
                        chosen.declared().location(),
                        why + ", " + role + "; hybrid mail must arrive "
                                + "at a FrontendTransport connector: give the Default Frontend connector IPv6-all and "
                                + "IPv4-all, or narrow '" + chosen.name() + "'");
            }
        }
    }
}
