package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.cert.MitigationEndpoint;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2003",
        name = "mitigation-service-disabled",
        severity = Severity.WARNING,
        summary = "mitigationsEnabled is false for the organization or a server.",
        description = "The Emergency Mitigation Service applies Microsoft's interim mitigations for actively "
                + "exploited vulnerabilities (M1 for CVE-2022-41040, M2 for CVE-2026-42897). "
                + "Set-OrganizationConfig -MitigationsEnabled $false stops it everywhere, whatever the servers say; "
                + "Set-ExchangeServer -MitigationsEnabled $false stops it on one server. The server-level finding "
                + "applies to Mailbox servers of Exchange 2016 CU22, 2019 CU11, SE or later, where the service runs; "
                + "the organization-level one is left out when every declared server is known not to run it (Edge, "
                + "or an older version).",
        sources = {
            "https://learn.microsoft.com/exchange/exchange-emergency-mitigation-service",
            "https://aka.ms/HC-EEMS"
        })
public final class MitigationServiceDisabled implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        // Not where every declared server is known not to run the service (Edge, or a version before it).
        boolean someServerMayRunIt = model.servers().isEmpty()
                || model.servers().stream()
                        .anyMatch(server -> MitigationEndpoint.runsOn(server)
                                || (!server.isEdge()
                                        && (server.spec().version() == null
                                                || ExchangeVersions.bundled()
                                                        .place(server.spec()
                                                                .version()
                                                                .value())
                                                        .isEmpty())));
        model.organization()
                .map(Organization::mitigationsEnabled)
                .filter(v -> !v.value() && someServerMayRunIt)
                .ifPresent(v -> out.report(
                        v.location(),
                        "mitigationsEnabled is false for the organization: the "
                                + "Emergency Mitigation Service applies no mitigation on any server; set it to true"));
        for (Server server : model.servers()) {
            Value<Boolean> enabled = server.spec().mitigationsEnabled();
            if (enabled != null && !enabled.value() && MitigationEndpoint.runsOn(server)) {
                out.report(
                        enabled.location(),
                        "mitigationsEnabled is false for " + server.displayName()
                                + ": the Emergency Mitigation Service applies no mitigation there; set it to true");
            }
        }
    }
}
