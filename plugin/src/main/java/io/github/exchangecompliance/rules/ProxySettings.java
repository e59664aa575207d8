package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.egress.Endpoint;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.Locale;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2009",
        name = "proxy-settings",
        severity = Severity.ERROR,
        summary = "internetWebProxy is not an http:// URL, or the WinHTTP proxy (winHttpProxy) does not match it "
                + "(host and port).",
        description = "Set-ExchangeServer -InternetWebProxy builds a .NET WebProxy from the value: https://, ftp:// "
                + "or a bare host name do not work (HealthChecker: 'is invalid as it must start with http://'). "
                + "Windows fetches certificate revocation through the WinHTTP proxy, which Microsoft says 'you must "
                + "also configure' (netsh winhttp set proxy). When the two differ, Exchange and Windows take "
                + "different ways out, and one of them is usually blocked (HealthChecker: 'Exchange Internet Web "
                + "Proxy doesn't match OS Web Proxy'). Not reported when internetWebProxy is not set.",
        sources = {
            "https://learn.microsoft.com/exchange/exchange-emergency-mitigation-service",
            "https://github.com/microsoft/CSS-Exchange/blob/main/Diagnostics/HealthChecker/Analyzer/Invoke-AnalyzerOsInformation.ps1"
        })
public final class ProxySettings implements ServerRule {

    @Override
    public void check(Server server, Inspection inspection, Reporter out) {
        Value<String> webProxy = server.spec().internetWebProxy();
        if (webProxy == null || webProxy.value().isBlank()) {
            return;
        }
        Optional<Endpoint> exchange = Endpoint.ofUrl(webProxy.value())
                .filter(e -> webProxy.value().strip().toLowerCase(Locale.ROOT).startsWith("http://"));
        if (exchange.isEmpty()) {
            out.report(
                    webProxy.location(),
                    "internetWebProxy '" + webProxy.value() + "' of " + server.displayName()
                            + " is not an http:// URL, which Exchange needs (for example http://proxy.contoso.com:8080)");
            return;
        }
        Value<String> winHttp = server.spec().winHttpProxy();
        boolean direct =
                winHttp == null || winHttp.value().isBlank() || winHttp.value().equalsIgnoreCase("direct");
        Optional<Endpoint> windows = direct ? Optional.empty() : Endpoint.ofProxy(winHttp.value());
        if (windows.filter(exchange.get()::equals).isEmpty()) {
            // What is not declared is not assumed to be the Windows default (RULES.md): it is said to be missing.
            String winHttpText =
                    winHttp == null ? "not declared" : direct ? "direct (no proxy)" : "'" + winHttp.value() + "'";
            out.report(
                    winHttp != null ? winHttp.location() : webProxy.location(),
                    "the WinHTTP proxy of "
                            + server.displayName() + " is " + winHttpText + " but its internetWebProxy is "
                            + exchange.get()
                            + ": Windows fetches certificate revocation another way than Exchange goes out; set "
                            + "winHttpProxy to " + exchange.get() + " (netsh winhttp set proxy " + exchange.get()
                            + ")");
        }
    }
}
