package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1004",
        name = "dotnet-system-default-tls",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "SystemDefaultTlsVersions is declared with a value other than 1 under a .NET Framework key "
                + "(v4.0.30319 or v2.0.50727, 64-bit or Wow6432Node).",
        description = "SystemDefaultTlsVersions = 1 makes the .NET Framework inherit its TLS versions from SCHANNEL. "
                + "\"If the value is undefined, it behaves as if the value is set to 0\": .NET then chooses its "
                + "own, older defaults, and the server's outbound TLS 1.2 connections fail (Event 3018). "
                + "Microsoft's TLS guidance sets it to 1 under all four .NET keys.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration"
        })
public final class DotnetSystemDefaultTls implements RegistryRule {

    @Override
    public void check(RegistryScope scope, Reporter out) {
        DotnetValueCheck.check(scope, Tls.SYSTEM_DEFAULT_TLS, out);
    }
}
