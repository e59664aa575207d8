package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;
import java.util.List;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1014",
        name = "insecure-renegotiation",
        severity = Severity.WARNING,
        summary = "AllowInsecureRenegoClients or AllowInsecureRenegoServers under SCHANNEL is declared 1: TLS "
                + "renegotiation is not in strict mode.",
        description = "Microsoft's Exchange TLS guidance sets renegotiation to strict mode: "
                + "AllowInsecureRenegoClients and AllowInsecureRenegoServers DWORD 0 under "
                + "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL (1 turns strict mode off "
                + "and lets clients or servers renegotiate without the RFC 5746 extension). HealthChecker shows both "
                + "values in its TLS section. Only a declared 1 is reported: a value left out is not a finding here.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://github.com/microsoft/CSS-Exchange/blob/main/docs/Diagnostics/HealthChecker/TLSConfigurationCheck.md"
        })
public final class InsecureRenegotiation implements RegistryRule {

    private static final List<String> VALUES = List.of("AllowInsecureRenegoClients", "AllowInsecureRenegoServers");

    @Override
    public void check(RegistryScope scope, Reporter out) {
        for (String name : VALUES) {
            scope.registry()
                    .value(Tls.SCHANNEL, name)
                    .filter(v -> v.isDword() && v.number() == 1)
                    .ifPresent(v -> out.report(
                            v.location(),
                            name + " is 1 under " + Tls.SCHANNEL
                                    + ": renegotiation is not in strict mode; set it to 0"));
        }
    }
}
