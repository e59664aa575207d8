package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1008",
        name = "legacy-tls-enabled",
        severity = Severity.WARNING,
        summary = "TLS 1.0, TLS 1.1, SSL 3.0 or SSL 2.0 is declared enabled for Server or Client.",
        description = "Microsoft recommends removing TLS 1.0/1.1 dependencies and disabling them at the operating "
                + "system level (Exchange Server TLS guidance, part 3; HealthChecker 'TLS hardening "
                + "recommendations'). Exchange 2019 disables them by default. A side is declared enabled when its "
                + "Enabled value is declared and not 0 while DisabledByDefault is not 1. Disable them once no client "
                + "still needs them: Enabled 0 and DisabledByDefault 1 on both keys.",
        sources = {
            "https://techcommunity.microsoft.com/t5/Exchange-Team-Blog/Exchange-Server-TLS-guidance-Part-3-Turning-Off-TLS-1-0-1-1/ba-p/607898",
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration"
        })
public final class LegacyTlsEnabled implements RegistryRule {

    @Override
    public void check(RegistryScope scope, Reporter out) {
        for (String protocol : Tls.LEGACY) {
            for (String role : Tls.ROLES) {
                Tls.Side side = Tls.side(scope.registry(), protocol, role);
                if (side.enabled().isPresent() && side.isEnabled()) {
                    out.report(
                            side.enabled().get().location(),
                            protocol + " is enabled for " + role + " ("
                                    + side.describe() + "); disable it with Enabled 0 and DisabledByDefault 1 once no "
                                    + "client needs it");
                }
            }
        }
    }
}
