package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HybridServers;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3005",
        name = "hybrid-connector-role",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "The connector HCW will pick runs in HubTransport (hybrid mail must arrive at the frontend "
                + "transport).",
        description = "HCW chooses among all connectors bound to TCP 25, hub transport ones too. A HubTransport "
                + "connector on port 25 with wide RemoteIPRanges (a relay connector, often) can win the choice; "
                + "HCW then configures TLS for hybrid on a connector that is not where the Internet-facing "
                + "frontend receives mail, and hybrid mail flow fails. The advice from the field: keep hybrid "
                + "receive connectors in frontend transport (see HCW's choice: " + RuleDescriptor.DOCS + "hcw.html).",
        sources = {
            RuleDescriptor.DOCS + "hcw.html",
            "https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors"
        })
public final class HybridConnectorRole implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        for (HybridServers.HybridServer hybrid : inspection.hybridServers()) {
            if (hybrid.picked()
                    && hybrid.connector()
                            .transportRole()
                            .filter("HubTransport"::equals)
                            .isPresent()) {
                Connector connector = hybrid.connector();
                out.report(
                        connector.declared().transportRole().location(),
                        "HCW will pick '" + connector.name()
                                + "' on " + hybrid.server().displayName()
                                + ", which runs in HubTransport; hybrid mail must "
                                + "arrive at a FrontendTransport connector: move it to FrontendTransport, or narrow its "
                                + "RemoteIPRanges so that the frontend connector wins");
            }
        }
    }
}
