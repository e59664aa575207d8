package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1011",
        name = "tls-misplaced-value",
        severity = Severity.ERROR,
        summary = "A protocol or role name was written as a value instead of a key, or a setting was put on the "
                + "wrong key (Enabled directly under TLS 1.2).",
        description = "SCHANNEL reads Enabled and DisabledByDefault only on the Client and Server keys under each "
                + "protocol key, and the .NET Framework reads SchUseStrongCrypto and SystemDefaultTlsVersions only "
                + "under its version keys. A value named 'TLS 1.2' under Protocols, a value named 'Server' under "
                + "TLS 1.2, Enabled on the protocol key itself, SchUseStrongCrypto on an SCHANNEL key or Enabled on "
                + "a .NET version key configures nothing. Real repositories do this when a registry module's key and "
                + "value parameters are mixed up, or one task's values are pasted into another's key.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings"
        })
public final class TlsMisplacedValue implements KeyRule {

    @Override
    public void check(RegistryKey key, Reporter out) {
        for (RegistryValue value : key.values()) {
            problem(key.path(), value.name()).ifPresent(p -> out.report(value.location(), p));
        }
    }

    private static Optional<String> problem(RegistryPath key, String value) {
        boolean setting = value.equalsIgnoreCase(Tls.ENABLED) || value.equalsIgnoreCase(Tls.DISABLED_BY_DEFAULT);
        boolean dotnetSetting = Tls.NET_VALUES.stream().anyMatch(value::equalsIgnoreCase);
        if (dotnetSetting && key.isUnder(Tls.SCHANNEL)) {
            return Optional.of(value + " is put on " + key + ", where SCHANNEL does not read it; the .NET Framework "
                    + "reads it only under " + Tls.NET_FRAMEWORK + "\\v4.0.30319 and \\v2.0.50727 (and their "
                    + "Wow6432Node twins)");
        }
        if (setting && Tls.netKey(key).isPresent()) {
            return Optional.of(value + " is put on " + key + ", where the .NET Framework does not read it; SCHANNEL "
                    + "reads it only under " + Tls.PROTOCOLS + "\\<protocol>\\Server and \\Client");
        }
        if (key.sameAs(Tls.PROTOCOLS) || key.sameAs(Tls.SCHANNEL)) {
            Optional<Tls.Meant> protocol = Tls.protocolMeant(value);
            if (protocol.isPresent()) {
                return Optional.of("'" + value + "' is written as a value under " + key + "; a protocol is a key: "
                        + "declare Enabled and DisabledByDefault under "
                        + Tls.PROTOCOLS.child(protocol.get().protocol()) + "\\Server and \\Client");
            }
            return setting
                    ? Optional.of(value + " is put on " + key + ", where Windows does not read it; "
                            + "declare it under " + Tls.PROTOCOLS + "\\<protocol>\\Server and \\Client")
                    : Optional.empty();
        }
        boolean protocolKey = key.parent().map(p -> p.sameAs(Tls.PROTOCOLS)).orElse(false)
                && Tls.protocolNamed(key.last()).isPresent();
        if (protocolKey) {
            Optional<String> role = Tls.roleNamed(value);
            if (role.isPresent()) {
                return Optional.of("'" + value + "' is written as a value under " + key + "; it must be a key: "
                        + "declare Enabled and DisabledByDefault under " + key.child(role.get()));
            }
            return setting
                    ? Optional.of(value + " is put on " + key + " itself; Windows reads it only under " + key
                            + "\\Server and \\Client")
                    : Optional.empty();
        }
        boolean frameworkKey = key.sameAs(Tls.NET_FRAMEWORK) || key.sameAs(Tls.NET_FRAMEWORK_32);
        if (frameworkKey && Tls.NET_VALUES.stream().anyMatch(value::equalsIgnoreCase)) {
            return Optional.of(value + " is put on " + key + "; the .NET Framework reads it only under " + key
                    + "\\v4.0.30319 and \\v2.0.50727");
        }
        return Optional.empty();
    }
}
