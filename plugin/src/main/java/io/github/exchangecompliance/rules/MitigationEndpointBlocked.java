package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.ServerFact;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.cert.MitigationEndpoint;
import io.github.exchangecompliance.egress.EgressPaths;
import io.github.exchangecompliance.egress.Endpoint;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Server;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2004",
        name = "mitigation-endpoint-blocked",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "The mitigation endpoint (officeclient.microsoft.com, HTTPS 443) is not reachable through the "
                + "server's internetWebProxy (or directly, when none is set).",
        description = "The Emergency Mitigation Service fetches its signed mitigations from "
                + "officeclient.microsoft.com on port 443, through the proxy set with Set-ExchangeServer "
                + "-InternetWebProxy. When that way is blocked, Event 1008 is logged every hour and no mitigation "
                + "arrives. Applies to Mailbox servers of Exchange 2016 CU22, 2019 CU11, SE or later. Allow "
                + "officeclient.microsoft.com on 443 where the finding stands, and exclude it from SSL inspection. "
                + "Servers blocked at the same place are one finding naming them all; an egress rule with no valid "
                + "action is the loader's EX0002 alone.",
        needs = {ServerFact.VERSION},
        sources = {
            "https://learn.microsoft.com/exchange/exchange-emergency-mitigation-service",
            "https://aka.ms/HelpConnectivityEEMS"
        })
public final class MitigationEndpointBlocked implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        EgressPaths paths = new EgressPaths(model.organization());
        Endpoint endpoint = Endpoint.ofUrl(MitigationEndpoint.URL).orElseThrow();
        BlockedEndpoints blocked = new BlockedEndpoints();
        for (Server server : model.servers()) {
            if (MitigationEndpoint.runsOn(server)) {
                EgressPaths.Verdict verdict = paths.mitigationService(server, endpoint);
                if (verdict.blocked()) {
                    blocked.add(MitigationEndpoint.URL, "the Emergency Mitigation Service endpoint", verdict, server);
                }
            }
        }
        blocked.report(out);
    }
}
