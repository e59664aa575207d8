package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.load.Suggestions;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX1007",
        name = "tls-key-typo",
        severity = Severity.ERROR,
        summary = "A key that Windows never reads but that looks like a TLS or .NET key it does "
                + "(TLS1.2, TLSv1.2, 'TLS 1.2 Server', SCHANNEL\\Protocol, v4.8, Wow64Node, HKCU instead of HKLM, "
                + "SecurityProvider, SchUseStrongCrpyto).",
        description = "SCHANNEL reads protocol keys by their exact names ('TLS 1.2', with a space) and role keys "
                + "named Client and Server; the .NET Framework reads v4.0.30319 and v2.0.50727 (not the product "
                + "version such as v4.8), under HKLM only. A value written under a near miss is silently ignored: "
                + "the repository looks configured while the server is not. The message names the key meant "
                + "(SSLv3 means 'SSL 3.0', 'TLS 1' means 'TLS 1.0'); a name under Protocols that resembles no "
                + "protocol (TLS 2.0) is reported with the names SCHANNEL knows. A .NET key under another hive "
                + "counts only when it holds SchUseStrongCrypto or SystemDefaultTlsVersions. Any other key a rule reads "
                + "(the SCHANNEL keys, the .NET keys, the AuthRoot policy) missed by a slip in one of its parts "
                + "(SecurityProvider, Controls, SCHANEL, Microsft) is named with the key meant, and a value name "
                + "near one Windows reads under a key it reads (SchUseStrongCrpyto, Enable) with the name meant.",
        sources = {
            "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
            "https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings"
        })
public final class TlsKeyTypo implements KeyRule {

    @Override
    public void check(RegistryKey key, Reporter out) {
        Optional<Fix> fix = meant(key)
                .or(() -> KnownRegistry.nearMiss(key.path())
                        .map(m -> new Fix(m.meant(), String.join(" and ", m.differences()))));
        fix.ifPresent(m -> out.report(
                key.location(),
                "Windows never reads the key " + key.path() + ": " + m.why()
                        + (m.path() == null ? "" : "; write " + m.path())));
        List<String> read = KnownRegistry.valuesOf(key.path());
        if (fix.isEmpty() && !read.isEmpty()) {
            for (RegistryValue value : key.values()) {
                if (!KnownRegistry.isValueName(value.name())) {
                    Suggestions.nearest(value.name(), read)
                            .ifPresent(meant -> out.report(
                                    value.location(),
                                    "Windows never reads the value '" + value.name() + "' under " + key.path()
                                            + "; did you mean '" + meant + "'?"));
                }
            }
        }
    }

    /** The key meant, or null when the name resembles no key Windows reads; and why the key is not read. */
    private record Fix(RegistryPath path, String why) {}

    private static Optional<Fix> meant(RegistryKey key) {
        RegistryPath path = key.path();
        if (!path.hive().equals("HKLM")) {
            RegistryPath inHklm = path.withHive("HKLM");
            boolean dotnetKey = (inHklm.isUnder(Tls.NET_FRAMEWORK) || inHklm.isUnder(Tls.NET_FRAMEWORK_32))
                    && Tls.NET_VALUES.stream().anyMatch(v -> key.value(v).isPresent());
            boolean tlsKey = inHklm.isUnder(Tls.SCHANNEL) || dotnetKey;
            return tlsKey
                    ? Optional.of(new Fix(inHklm, "these settings are read only under HKLM, not " + path.hive()))
                    : Optional.empty();
        }
        if (path.isUnder(Tls.SCHANNEL)) {
            return schannel(path);
        }
        return dotnet(key);
    }

    private static Optional<Fix> schannel(RegistryPath path) {
        int depth = Tls.SCHANNEL.segments().size();
        List<String> rest = path.segments().subList(depth, path.segments().size());
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        boolean underProtocols = rest.get(0).equalsIgnoreCase("Protocols");
        if (!underProtocols && rest.size() > 1 && Tls.lower(rest.get(0)).startsWith("protoc")) {
            // A misspelt Protocols key ("Protocol", "Protocoles") above a protocol key.
            Optional<Fix> misspeltProtocols = Tls.protocolMeant(rest.get(1))
                    .map(m -> new Fix(
                            protocolPath(m, rest.subList(2, rest.size())), "'" + rest.get(0) + "' is not Protocols"));
            if (misspeltProtocols.isPresent()) {
                return misspeltProtocols;
            }
        }
        if (!underProtocols) {
            // A protocol key put straight under SCHANNEL, without Protocols in between.
            return Tls.protocolMeant(rest.get(0))
                    .map(m -> new Fix(
                            protocolPath(m, rest.subList(1, rest.size())),
                            "protocol keys belong under SCHANNEL\\Protocols"));
        }
        if (rest.size() < 2) {
            return Optional.empty();
        }
        String protocol = rest.get(1);
        List<String> below = rest.subList(2, rest.size());
        if (Tls.protocolNamed(protocol).isEmpty()) {
            Optional<Tls.Meant> meant = Tls.protocolMeant(protocol);
            if (meant.isEmpty()) {
                return Optional.of(new Fix(
                        null,
                        "'" + protocol + "' is not a protocol SCHANNEL knows (it reads "
                                + String.join(", ", Tls.PROTOCOL_KEYS) + ")"));
            }
            return meant.map(m -> new Fix(
                    protocolPath(m, below),
                    "'" + protocol + "' is not a protocol key name (SCHANNEL reads '" + m.protocol() + "')"));
        }
        if (below.isEmpty() || Tls.roleNamed(below.get(0)).isPresent()) {
            return Optional.empty();
        }
        String role = below.get(0);
        return Tls.roleMeant(role)
                .map(r -> new Fix(
                        Tls.sideKey(Tls.protocolNamed(protocol).get(), r),
                        "'" + role + "' is not a role key (SCHANNEL reads Client and Server)"));
    }

    private static RegistryPath protocolPath(Tls.Meant meant, List<String> below) {
        RegistryPath path = Tls.PROTOCOLS.child(meant.protocol());
        if (meant.role().isPresent()) {
            path = path.child(meant.role().get());
        }
        for (String segment : below) {
            path = path.child(segment);
        }
        return path;
    }

    /** {@code SOFTWARE\[Wow6432Node\]Microsoft\.NETFramework\<version>} with a near miss in any part. */
    private static Optional<Fix> dotnet(RegistryKey key) {
        List<String> segments = key.path().segments();
        if (segments.size() < 4
                || !segments.get(0).equalsIgnoreCase("SOFTWARE")
                || Tls.NET_VALUES.stream().noneMatch(v -> key.value(v).isPresent())) {
            return Optional.empty();
        }
        boolean wow = !segments.get(1).equalsIgnoreCase("Microsoft");
        int microsoft = wow ? 2 : 1;
        if (segments.size() != microsoft + 3 || !segments.get(microsoft).equalsIgnoreCase("Microsoft")) {
            return Optional.empty();
        }
        String framework = segments.get(microsoft + 1);
        String version = segments.get(microsoft + 2);
        List<String> why = new ArrayList<>();
        if (wow && !segments.get(1).equalsIgnoreCase("Wow6432Node")) {
            String written = Tls.lower(segments.get(1));
            if (!written.startsWith("wow") && Suggestions.distance(written, "wow6432node") > 2) {
                return Optional.empty();
            }
            why.add("'" + segments.get(1) + "' is not Wow6432Node");
        }
        if (!framework.equalsIgnoreCase(".NETFramework")) {
            if (!Tls.lower(framework).replaceAll("[\\s.]", "").equals("netframework")) {
                return Optional.empty();
            }
            why.add("'" + framework + "' is not .NETFramework");
        }
        String meantVersion = Tls.NET_VERSIONS.stream()
                .filter(version::equalsIgnoreCase)
                .findFirst()
                .orElse(Tls.lower(version).matches("v?[23].*") ? "v2.0.50727" : "v4.0.30319");
        if (!meantVersion.equalsIgnoreCase(version)) {
            why.add("the .NET Framework reads '" + meantVersion + "', not '" + version + "'");
        }
        if (why.isEmpty()) {
            return Optional.empty();
        }
        RegistryPath base = wow ? Tls.NET_FRAMEWORK_32 : Tls.NET_FRAMEWORK;
        return Optional.of(new Fix(base.child(meantVersion), String.join(" and ", why)));
    }
}
