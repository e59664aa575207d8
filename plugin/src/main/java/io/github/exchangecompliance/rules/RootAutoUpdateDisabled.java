package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryScope;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2010",
        name = "root-auto-update-disabled",
        severity = Severity.WARNING,
        summary = "HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\AuthRoot DisableRootAutoUpdate = 1: new "
                + "roots are not installed.",
        description = "With automatic root updates off, Windows does not install new root certificates. From "
                + "March 15, 2026 Exchange Online uses the DigiCert Global Root G2 certificate authority; servers "
                + "without that root 'may experience email delivery failures'. HealthChecker warns: 'Automatic root "
                + "certificate updates are disabled. Ensure root certificates are manually kept up to date to avoid "
                + "Exchange Online connectivity issues.' Set it to 0, or keep the roots current by other means.",
        sources = {
            "https://github.com/microsoft/CSS-Exchange/blob/main/docs/Diagnostics/HealthChecker/TrustedRootCertificatesCheck.md"
        })
public final class RootAutoUpdateDisabled implements RegistryRule {

    static final RegistryPath AUTH_ROOT =
            RegistryPath.of("HKLM", "SOFTWARE", "Policies", "Microsoft", "SystemCertificates", "AuthRoot");
    static final String VALUE = "DisableRootAutoUpdate";

    @Override
    public void check(RegistryScope scope, Reporter out) {
        scope.registry()
                .value(AUTH_ROOT, VALUE)
                .filter(v -> v.isDword() && v.number() == 1)
                .ifPresent(v -> out.report(
                        v.location(),
                        "DisableRootAutoUpdate is 1 under " + AUTH_ROOT
                                + ": Windows installs no new root certificates (DigiCert Global Root G2 for Exchange "
                                + "Online); set it to 0"));
    }
}
