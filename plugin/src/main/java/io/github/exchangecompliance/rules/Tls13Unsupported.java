package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.ServerFact;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.OperatingSystem;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1009",
        name = "tls13-unsupported",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "TLS 1.3 is enabled on a server where Exchange does not support it (anything but Exchange 2019 "
                + "CU15 or later, or SE, on Windows Server 2022 or 2025).",
        description = "\"TLS 1.3 support was introduced with Exchange Server 2019 CU15 on Windows Server 2022 and "
                + "Windows Server 2025\"; elsewhere HealthChecker reports it 'known to cause issues within the "
                + "cluster'. Windows Server 2022 and 2025 enable TLS 1.3 by default, so there a side that is not "
                + "declared counts as enabled: disable it explicitly (Enabled 0, DisabledByDefault 1). On older "
                + "Windows only a declared Enabled other than 0 turns it on (HealthChecker reads a missing TLS 1.3 "
                + "Enabled as off); DisabledByDefault 1 turns it off everywhere. Exchange SE "
                + "is treated like 2019 CU15. Not reported when the server's Exchange or Windows version is "
                + "not declared.",
        needs = {ServerFact.VERSION, ServerFact.WINDOWS_VERSION},
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://github.com/microsoft/CSS-Exchange/blob/main/Diagnostics/HealthChecker/Analyzer/Security/Invoke-AnalyzerSecuritySettings.ps1"
        })
public final class Tls13Unsupported implements ServerRule {

    @Override
    public void check(Server server, Inspection inspection, Reporter out) {
        Value<String> versionText = server.spec().version();
        Value<String> os = server.spec().operatingSystem();
        if (versionText == null || os == null) {
            return;
        }
        Optional<ExchangeVersion> version = ExchangeVersions.bundled().place(versionText.value());
        if (version.isEmpty()) {
            return;
        }
        boolean byDefault = OperatingSystem.enablesTls13ByDefault(os.value());
        if (version.get().supportsTls13() && byDefault) {
            return;
        }
        List<String> enabledSides = new ArrayList<>();
        Location at = null;
        for (String role : Tls.ROLES) {
            Tls.Side side = Tls.side(server.spec().registry(), "TLS 1.3", role);
            // Windows turns TLS 1.3 on by default only on Server 2022 and 2025; elsewhere only a declared Enabled
            // does (HealthChecker's NullIsEnabled is false for TLS 1.3), and DisabledByDefault 1 still turns it off.
            boolean enabled = (byDefault || side.enabled().isPresent()) && side.isEnabled();
            if (enabled) {
                enabledSides.add(side.declared() ? role : role + " (not declared: on by default)");
                if (at == null && side.declared()) {
                    at = side.enabled()
                            .or(side::disabledByDefault)
                            .orElseThrow()
                            .location();
                }
            }
        }
        if (!enabledSides.isEmpty()) {
            out.report(
                    at != null ? at : server.missingValueLocation(),
                    "TLS 1.3 is enabled for "
                            + String.join(" and ", enabledSides) + " on " + server.displayName() + ", which runs "
                            + version.get().label() + " on " + OperatingSystem.display(os.value())
                            + "; Exchange supports TLS 1.3 only from 2019 CU15 or SE on Windows Server 2022 or 2025: declare "
                            + "Enabled 0 and DisabledByDefault 1 under " + Tls.PROTOCOLS.child("TLS 1.3")
                            + "\\Server and \\Client");
        }
    }
}
