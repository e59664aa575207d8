package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.List;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1005",
        name = "tls-not-pinned",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "One or more of the twenty TLS values Exchange needs pinned is not declared for a server.",
        description = "Exchange needs Enabled and DisabledByDefault on the Server and Client keys of TLS 1.0, 1.1 "
                + "and 1.2, and SchUseStrongCrypto and SystemDefaultTlsVersions under the four .NET Framework keys. "
                + "What the repository does not declare depends on the machine's history, so the server may run "
                + "with .NET never told to use TLS 1.2: the Event 3018 case. HealthChecker reports every missing "
                + "value ('Value should be defined in registry for consistent results'). A value of the wrong type "
                + "counts as declared here (EX1010 reports it); a value the code removes does not; a value the "
                + "plugin could not evaluate (EX0003) is listed as not verified. Only servers are checked: an Ansible "
                + "or DSC file that no Exchange server receives lacks nothing on a server (EX0006 says when the "
                + "repository's Exchange servers could not be identified at all).",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://github.com/microsoft/CSS-Exchange/blob/main/docs/Diagnostics/HealthChecker/TLSConfigurationCheck.md"
        })
public final class TlsNotPinned implements ServerRule {

    @Override
    public void check(Server server, Inspection inspection, Reporter out) {
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        collect(server.spec().registry(), missing, unknown);
        // One finding a server (RULES.md): what is missing, then what could not be verified.
        String couldNotVerify = unknown.size() + " of the 20 TLS values Exchange needs pinned on server "
                + server.displayName() + ", declared with templates the plugin does not evaluate (EX0003): "
                + String.join(", ", unknown);
        if (!missing.isEmpty()) {
            out.report(
                    server.missingValueLocation(),
                    "server " + server.displayName() + " does not declare "
                            + missing.size() + " of the 20 TLS values Exchange needs pinned: "
                            + String.join(", ", missing)
                            + (unknown.isEmpty() ? "" : "; and could not verify " + couldNotVerify));
        } else if (!unknown.isEmpty()) {
            out.report(server.missingValueLocation(), "could not verify " + couldNotVerify);
        }
    }

    /** Sorts the twenty values into missing and unknown; returns where the first declared one stands, or null. */
    private static Location collect(Registry registry, List<String> missing, List<String> unknown) {
        Location first = null;
        for (Tls.Pinned pinned : Tls.PINNED) {
            first = sort(registry, pinned.key(), pinned.value(), pinned.name(), missing, unknown, first);
        }
        return first;
    }

    private static Location sort(
            Registry registry,
            RegistryPath key,
            String value,
            String name,
            List<String> missing,
            List<String> unknown,
            Location first) {
        java.util.Optional<RegistryValue> declared = registry.value(key, value);
        RegistryValue.Type type = declared.map(RegistryValue::type).orElse(RegistryValue.Type.ABSENT);
        if (type == RegistryValue.Type.ABSENT) {
            missing.add(name);
            return first;
        }
        if (type == RegistryValue.Type.UNKNOWN) {
            unknown.add(name);
        }
        Location at = declared.get().location();
        return first == null || at.compareTo(first) < 0 ? at : first;
    }
}
