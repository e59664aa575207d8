package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1002",
        name = "tls12-client",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "SCHANNEL\\TLS 1.2\\Client is declared with Enabled = 0 or DisabledByDefault = 1.",
        description = "With TLS 1.2 off for the client side, the server's outbound connections fail: the "
                + "Emergency Mitigation Service, hybrid mail flow and free/busy, and the Office client "
                + "configuration request behind MSExchangeApplicationLogic Event 3018 ('The underlying connection "
                + "was closed'). Set Enabled = 1 and DisabledByDefault = 0 on the Client key, as on the Server key.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://frankysweb.de/en/exchange-2016-eventid-3018-msexchangeapplicationlogic"
        })
public final class Tls12Client implements RegistryRule {

    @Override
    public void check(RegistryScope scope, Reporter out) {
        TlsSideCheck.check(scope, "Client", "TLS 1.2 is off for outbound connections", out);
    }
}
