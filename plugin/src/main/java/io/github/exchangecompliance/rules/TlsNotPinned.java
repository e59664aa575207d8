package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.engine.Reporter;
import io.github.exchangecompliance.engine.RuleInfo;
import io.github.exchangecompliance.engine.Severity;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.List;

/** See {@link RuleInfo}. */
@RuleInfo(id = "EX1005", name = "tls-not-pinned", severity = Severity.ERROR,
        summary = "One or more of the twenty TLS values Exchange needs pinned is not declared for a server.",
        description = "Exchange needs Enabled and DisabledByDefault on the Server and Client keys of TLS 1.0, 1.1 "
                + "and 1.2, and SchUseStrongCrypto and SystemDefaultTlsVersions under the four .NET Framework keys. "
                + "What the repository does not declare depends on the machine's history, so the server may run "
                + "with .NET never told to use TLS 1.2: the Event 3018 case. HealthChecker reports every missing "
                + "value ('Value should be defined in registry for consistent results'). A value of the wrong type "
                + "counts as declared here (EX1010 reports it); a value the code removes does not.",
        sources = {"https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
                "https://github.com/microsoft/CSS-Exchange/blob/main/docs/Diagnostics/HealthChecker/TLSConfigurationCheck.md"})
public final class TlsNotPinned implements ServerRule {

    private static final List<String> PINNED_PROTOCOLS = List.of("TLS 1.0", "TLS 1.1", "TLS 1.2");

    @Override
    public void check(Server server, InfraModel model, Reporter out) {
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String protocol : PINNED_PROTOCOLS) {
            for (String role : Tls.ROLES) {
                RegistryPath key = Tls.sideKey(protocol, role);
                for (String value : List.of(Tls.ENABLED, Tls.DISABLED_BY_DEFAULT)) {
                    sort(server, key, value, protocol + "\\" + role + "\\" + value, missing, unknown);
                }
            }
        }
        for (RegistryPath key : Tls.NET_KEYS) {
            for (String value : Tls.NET_VALUES) {
                sort(server, key, value, key.text().substring("HKLM\\SOFTWARE\\".length()) + "\\" + value, missing,
                        unknown);
            }
        }
        if (!missing.isEmpty()) {
            out.report(server.missingValueLocation(), "server " + server.displayName() + " does not declare "
                    + missing.size() + " of the 20 TLS values Exchange needs pinned: " + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            out.report(server.missingValueLocation(), "could not verify " + unknown.size() + " of the 20 TLS values "
                    + "Exchange needs pinned on server " + server.displayName() + ", declared with templates the plugin "
                    + "does not evaluate (EX0003): " + String.join(", ", unknown));
        }
    }

    private static void sort(Server server, RegistryPath key, String value, String name, List<String> missing,
            List<String> unknown) {
        RegistryValue.Type type = server.spec().registry().value(key, value).map(RegistryValue::type)
                .orElse(RegistryValue.Type.ABSENT);
        if (type == RegistryValue.Type.ABSENT) {
            missing.add(name);
        } else if (type == RegistryValue.Type.UNKNOWN) {
            unknown.add(name);
        }
    }
}
