package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryValue;
import java.util.List;
import java.util.Set;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1010",
        name = "registry-value-type",
        severity = Severity.ERROR,
        summary = "A TLS or .NET value that must be a DWORD is declared as another type, or its data is not 0, 1 "
                + "or 0xffffffff.",
        description = "SCHANNEL and the .NET Framework read Enabled, DisabledByDefault, SchUseStrongCrypto and "
                + "SystemDefaultTlsVersions as REG_DWORD only: a REG_SZ '1' is ignored, as if nothing were set, "
                + "although the repository looks right. HealthChecker accepts only 0 or 1 (0xffffffff is an old "
                + "documented form of 'enabled'). Such a value still counts as declared for EX1005.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://github.com/microsoft/CSS-Exchange/blob/main/docs/Diagnostics/HealthChecker/TLSConfigurationCheck.md"
        })
public final class RegistryValueType implements KeyRule {

    private static final Set<Long> ACCEPTED = Set.of(0L, 1L, 0xffffffffL, -1L);

    @Override
    public void check(RegistryKey key, Reporter out) {
        List<String> names = Tls.sideOf(key.path()).isPresent()
                ? List.of(Tls.ENABLED, Tls.DISABLED_BY_DEFAULT)
                : Tls.netKey(key.path()).isPresent() ? Tls.NET_VALUES : List.of();
        for (String name : names) {
            key.value(name).ifPresent(v -> check(key, name, v, out));
        }
    }

    private static void check(RegistryKey key, String name, RegistryValue value, Reporter out) {
        if (value.type() == RegistryValue.Type.ABSENT || value.type() == RegistryValue.Type.UNKNOWN) {
            return;
        }
        if (!value.isDword()) {
            out.report(
                    value.location(),
                    name + " under " + key.path() + " is " + value.display() + ", which "
                            + "Windows ignores; declare it as a DWORD (0 or 1)");
        } else if (!ACCEPTED.contains(value.number())) {
            out.report(value.location(), name + " under " + key.path() + " is " + value.text() + "; use 0 or 1");
        }
    }
}
