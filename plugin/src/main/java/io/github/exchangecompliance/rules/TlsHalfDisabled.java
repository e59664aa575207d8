package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;
import io.github.exchangecompliance.model.RegistryValue;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1012",
        name = "tls-half-disabled",
        severity = Severity.ERROR,
        summary = "A protocol side other than TLS 1.2 is declared half disabled (Enabled 0 with DisabledByDefault 0, "
                + "or Enabled not 0 with DisabledByDefault 1).",
        description = "Microsoft documents two states only: enabled (Enabled 1, DisabledByDefault 0) and disabled "
                + "(Enabled 0, DisabledByDefault 1). HealthChecker calls anything between 'Half Disabled': 'not a "
                + "supported configuration as it doesn't follow the documentation'. TLS 1.2 is left to EX1001 and "
                + "EX1002, which report it switched off.",
        sources = {
            "https://github.com/microsoft/CSS-Exchange/blob/main/docs/Diagnostics/HealthChecker/TLSConfigurationCheck.md"
        })
public final class TlsHalfDisabled implements RegistryRule {

    @Override
    public void check(RegistryScope scope, Reporter out) {
        for (String protocol : Tls.PROTOCOLS_CHECKED) {
            if (protocol.equals("TLS 1.2")) {
                continue;
            }
            for (String role : Tls.ROLES) {
                Tls.Side side = Tls.side(scope.registry(), protocol, role);
                if (side.enabled().isEmpty() || side.disabledByDefault().isEmpty()) {
                    continue;
                }
                long enabled = side.enabled().get().number();
                long disabledByDefault = side.disabledByDefault().get().number();
                if ((enabled == 0 && disabledByDefault == 0) || (enabled != 0 && disabledByDefault == 1)) {
                    RegistryValue at = side.enabled().get();
                    out.report(
                            at.location(),
                            side.name() + " is half disabled (" + side.describe()
                                    + "); declare Enabled 0 and DisabledByDefault 1 to disable it, or 1 and 0 to enable it");
                }
            }
        }
    }
}
