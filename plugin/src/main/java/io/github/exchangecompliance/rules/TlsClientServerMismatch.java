package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;
import io.github.exchangecompliance.model.RegistryValue;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1006",
        name = "tls-client-server-mismatch",
        severity = Severity.ERROR,
        summary = "A protocol's Client and Server keys are declared with different effective states.",
        description = "Exchange is both a client and a server of TLS (to other Exchange servers, to Exchange "
                + "Online, to itself). HealthChecker: 'Mismatch in TLS version for client and server. Exchange can "
                + "be both client and a server. This can cause issues within Exchange for communication.' "
                + "Microsoft's guidance always writes the same values to both keys. A side counts as enabled when "
                + "Enabled is not 0 and DisabledByDefault is not 1; a side with neither value declared is not "
                + "compared.",
        sources = {
            "https://github.com/microsoft/CSS-Exchange/blob/main/docs/Diagnostics/HealthChecker/TLSConfigurationCheck.md",
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration"
        })
public final class TlsClientServerMismatch implements RegistryRule {

    @Override
    public void check(RegistryScope scope, Reporter out) {
        for (String protocol : Tls.PROTOCOLS_CHECKED) {
            Tls.Side server = Tls.side(scope.registry(), protocol, "Server");
            Tls.Side client = Tls.side(scope.registry(), protocol, "Client");
            if (!server.declared() || !client.declared() || server.isEnabled() == client.isEnabled()) {
                continue;
            }
            RegistryValue at = client.enabled().or(client::disabledByDefault).orElseThrow();
            out.report(
                    at.location(),
                    protocol + " is " + state(server) + " for Server (" + server.describe()
                            + ") but " + state(client) + " for Client (" + client.describe()
                            + "); declare the same state on both keys");
        }
    }

    private static String state(Tls.Side side) {
        return side.isEnabled() ? "enabled" : "disabled";
    }
}
