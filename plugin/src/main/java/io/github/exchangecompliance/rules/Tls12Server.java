package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1001",
        name = "tls12-server",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "SCHANNEL\\TLS 1.2\\Server is declared with Enabled = 0 or DisabledByDefault = 1.",
        description = "With TLS 1.2 off for the server side, clients, other Exchange servers and Exchange Online "
                + "cannot connect over TLS 1.2 (SMTP, OWA, EWS, Autodiscover, hybrid mail flow). Microsoft's TLS "
                + "guidance sets Enabled = 1 and DisabledByDefault = 0 on both the Server and the Client key.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://aka.ms/HC-TLSGuide"
        })
public final class Tls12Server implements RegistryRule {

    @Override
    public void check(RegistryScope scope, Reporter out) {
        TlsSideCheck.check(scope, "Server", "TLS 1.2 is off for incoming connections", out);
    }
}
