package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryScope;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1003",
        name = "dotnet-strong-crypto",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "SchUseStrongCrypto is declared with a value other than 1 under a .NET Framework key "
                + "(v4.0.30319 or v2.0.50727, 64-bit or Wow6432Node).",
        description = "SchUseStrongCrypto = 1 makes the .NET Framework use strong cryptography for outbound "
                + "connections. Without it, Exchange's .NET code may offer only TLS 1.0 and fail against services "
                + "that require TLS 1.2 (MSExchangeApplicationLogic Event 3018). Microsoft's TLS guidance sets it "
                + "to 1 under all four .NET keys; Extended Protection requires it on every server.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-extended-protection"
        })
public final class DotnetStrongCrypto implements RegistryRule {

    @Override
    public void check(RegistryScope scope, Reporter out) {
        DotnetValueCheck.check(scope, Tls.STRONG_CRYPTO, out);
    }
}
