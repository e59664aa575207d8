package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1015",
        name = "weak-ciphers",
        severity = Severity.WARNING,
        summary = "On Exchange 2016, a weak cipher is not disabled or a cipher-suite order lists a suite Microsoft's "
                + "guidance removes; on 2019 and SE, a weak cipher declared enabled.",
        description = "Microsoft's Exchange TLS guidance ('Cipher and hashing algorithms best practices') disables "
                + "DES 56/56, NULL, RC2 40/128, RC2 56/128, RC2 56/56, RC4 40/128, RC4 56/128, RC4 64/128, RC4 "
                + "128/128 and Triple DES 168 on Exchange 2016 (Enabled DWORD 0 under SCHANNEL\\Ciphers\\<name>) and "
                + "orders the cipher suites to a short list of ECDHE suites with AES-GCM and AES-CBC-SHA2. 'These "
                + "steps are not necessary for Exchange Server 2019, as it already comes with a preconfigured cipher "
                + "and hashing algorithm setup', so on 2019 and SE only a weak cipher the repository turns on is "
                + "reported. On 2016, the ciphers left undeclared are one finding a server (the plugin does not "
                + "assume what Windows has), a cipher declared enabled one finding at its value, and a declared "
                + "order (Functions under the policy key Group Policy writes, or under the local key) one finding "
                + "naming the suites outside Microsoft's list (the Windows Server 2016 names; Windows Server 2012 R2's "
                + "carry the curve, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384_P384, and count as the same suite). A "
                + "server whose version is unknown is held to the 2019 reading. The hash MD5 the guidance also disables is not "
                + "part of this rule.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration"
        })
public final class WeakCiphers implements ServerRule {

    static final RegistryPath CIPHERS = Tls.SCHANNEL.child("Ciphers");
    static final List<String> WEAK = List.of(
            "DES 56/56",
            "NULL",
            "RC2 40/128",
            "RC2 56/128",
            "RC2 56/56",
            "RC4 40/128",
            "RC4 56/128",
            "RC4 64/128",
            "RC4 128/128",
            "Triple DES 168");
    /** {@code SCHANNEL\Ciphers\<cipher>} for each of WEAK, built once: every server asks for all ten. */
    private static final List<RegistryPath> WEAK_KEYS =
            WEAK.stream().map(CIPHERS::child).toList();

    static final List<RegistryPath> ORDER_KEYS = List.of(
            RegistryPath.of(
                    "HKLM", "SOFTWARE", "Policies", "Microsoft", "Cryptography", "Configuration", "SSL", "00010002"),
            RegistryPath.of(
                    "HKLM",
                    "SYSTEM",
                    "CurrentControlSet",
                    "Control",
                    "Cryptography",
                    "Configuration",
                    "Local",
                    "SSL",
                    "00010002"));
    static final String FUNCTIONS = "Functions";

    /**
     * Microsoft's recommended suites for Windows Server 2016 and later. Windows Server 2012 and 2012 R2 name the
     * same suites with the curve they use ({@code _P256}, {@code _P384}, {@code _P521}), which is taken off before
     * comparing.
     */
    static final Set<String> RECOMMENDED = Set.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9_]{3,}");
    private static final Pattern CURVE = Pattern.compile("_P(256|384|521)$");

    @Override
    public void check(Server server, Inspection inspection, Reporter out) {
        Registry registry = server.spec().registry();
        boolean exchange2016 = server.spec().version() != null
                && ExchangeVersions.bundled()
                        .place(server.spec().version().value())
                        .map(ExchangeVersion::product)
                        .filter("2016"::equals)
                        .isPresent();
        List<String> notDisabled = new ArrayList<>();
        for (int i = 0; i < WEAK.size(); i++) {
            String cipher = WEAK.get(i);
            Optional<RegistryValue> enabled = registry.value(WEAK_KEYS.get(i), Tls.ENABLED);
            if (enabled.isPresent() && enabled.get().isDword() && enabled.get().number() != 0) {
                out.report(
                        enabled.get().location(),
                        "the weak cipher " + cipher + " is enabled (Enabled "
                                + enabled.get().text() + " under " + WEAK_KEYS.get(i) + "); set it to 0");
            } else if (exchange2016
                    && (enabled.isEmpty()
                            || enabled.get().type() == RegistryValue.Type.ABSENT
                            || !enabled.get().isDword())) {
                notDisabled.add(cipher);
            }
        }
        if (!exchange2016) {
            return;
        }
        if (!notDisabled.isEmpty()) {
            out.report(
                    server.missingValueLocation(),
                    "Exchange 2016 server " + server.displayName() + " does not disable " + notDisabled.size()
                            + " weak ciphers (Enabled 0 under " + CIPHERS + "\\<cipher>): "
                            + String.join(", ", notDisabled));
        }
        for (RegistryPath key : ORDER_KEYS) {
            registry.value(key, FUNCTIONS)
                    .filter(v -> v.type() == RegistryValue.Type.STRING || v.type() == RegistryValue.Type.MULTI_STRING)
                    .ifPresent(v -> {
                        List<String> outside = outside(v.text());
                        if (!outside.isEmpty()) {
                            out.report(
                                    v.location(),
                                    "the cipher-suite order under " + key + " lists " + outside.size()
                                            + " suites Microsoft's Exchange TLS guidance removes: "
                                            + String.join(", ", outside));
                        }
                    });
        }
    }

    private static List<String> outside(String functions) {
        List<String> outside = new ArrayList<>();
        Matcher suites = SUITE.matcher(functions);
        while (suites.find()) {
            String suite = suites.group().toUpperCase(Locale.ROOT);
            if (!RECOMMENDED.contains(CURVE.matcher(suite).replaceFirst("")) && !outside.contains(suite)) {
                outside.add(suite);
            }
        }
        return outside;
    }
}
