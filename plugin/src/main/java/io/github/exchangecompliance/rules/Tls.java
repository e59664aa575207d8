package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.model.BoundedMemo;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry keys and values the TLS rules read (DOMAIN.md section 1), and the effective state of a protocol
 * side as HealthChecker reads it: enabled when {@code Enabled} is not 0 and {@code DisabledByDefault} is not 1.
 */
public final class Tls {

    public static final RegistryPath SCHANNEL =
            RegistryPath.of("HKLM", "SYSTEM", "CurrentControlSet", "Control", "SecurityProviders", "SCHANNEL");
    public static final RegistryPath PROTOCOLS = SCHANNEL.child("Protocols");

    /** Protocol keys the rules check, in the order messages list them. */
    public static final List<String> PROTOCOLS_CHECKED =
            List.of("SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3");
    /** Every protocol key SCHANNEL reads: a key of another name under {@code Protocols} is never read. */
    public static final List<String> PROTOCOL_KEYS = List.of(
            "SSL 2.0",
            "SSL 3.0",
            "TLS 1.0",
            "TLS 1.1",
            "TLS 1.2",
            "TLS 1.3",
            "PCT 1.0",
            "Multi-Protocol Unified Hello",
            "DTLS 1.0",
            "DTLS 1.2",
            "DTLS 1.3");

    public static final List<String> LEGACY = List.of("TLS 1.0", "TLS 1.1", "SSL 3.0", "SSL 2.0");
    public static final List<String> ROLES = List.of("Server", "Client");

    public static final String ENABLED = "Enabled";
    public static final String DISABLED_BY_DEFAULT = "DisabledByDefault";
    public static final String STRONG_CRYPTO = "SchUseStrongCrypto";
    public static final String SYSTEM_DEFAULT_TLS = "SystemDefaultTlsVersions";
    public static final List<String> NET_VALUES = List.of(STRONG_CRYPTO, SYSTEM_DEFAULT_TLS);

    public static final RegistryPath NET_FRAMEWORK = RegistryPath.of("HKLM", "SOFTWARE", "Microsoft", ".NETFramework");
    public static final RegistryPath NET_FRAMEWORK_32 =
            RegistryPath.of("HKLM", "SOFTWARE", "Wow6432Node", "Microsoft", ".NETFramework");
    public static final List<String> NET_VERSIONS = List.of("v4.0.30319", "v2.0.50727");
    /** NET4, NET4-32, NET2, NET2-32 of RULES.md. */
    public static final List<RegistryPath> NET_KEYS = List.of(
            NET_FRAMEWORK.child("v4.0.30319"),
            NET_FRAMEWORK_32.child("v4.0.30319"),
            NET_FRAMEWORK.child("v2.0.50727"),
            NET_FRAMEWORK_32.child("v2.0.50727"));

    private Tls() {}

    private static final java.util.Map<String, RegistryPath> SIDE_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One of the twenty values Exchange needs pinned (EX1005), and how messages name it. The value's name is kept in
     * lower case, as keys hold their values: looked up twenty times a server, it is then not lowered each time.
     *
     * @param net true for a .NET Framework value, false for a protocol side's
     */
    public record Pinned(RegistryPath key, String value, String name, boolean net) {
        public Pinned {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    /** The twenty: Enabled and DisabledByDefault of TLS 1.0 to 1.2, Server and Client; the .NET values of NET_KEYS. */
    public static final List<Pinned> PINNED = pinned();

    private static List<Pinned> pinned() {
        List<Pinned> pinned = new java.util.ArrayList<>();
        for (String protocol : List.of("TLS 1.0", "TLS 1.1", "TLS 1.2")) {
            for (String role : ROLES) {
                for (String value : List.of(ENABLED, DISABLED_BY_DEFAULT)) {
                    pinned.add(
                            new Pinned(sideKey(protocol, role), value, protocol + "\\" + role + "\\" + value, false));
                }
            }
        }
        for (RegistryPath key : NET_KEYS) {
            for (String value : NET_VALUES) {
                pinned.add(
                        new Pinned(key, value, key.text().substring("HKLM\\SOFTWARE\\".length()) + "\\" + value, true));
            }
        }
        return List.copyOf(pinned);
    }

    /** {@code SCHANNEL\Protocols\<protocol>\<role>}, built once (rules ask for it for every server). */
    public static RegistryPath sideKey(String protocol, String role) {
        return SIDE_KEYS.computeIfAbsent(
                protocol + "\\" + role, k -> PROTOCOLS.child(protocol).child(role));
    }

    /** The protocol a key name stands for, in its canonical spelling, matched without regard to case. */
    public static Optional<String> protocolNamed(String name) {
        return PROTOCOL_KEYS.stream().filter(p -> p.equalsIgnoreCase(name)).findFirst();
    }

    public static Optional<String> roleNamed(String name) {
        return ROLES.stream().filter(r -> r.equalsIgnoreCase(name)).findFirst();
    }

    /** The canonical .NET key a path names, when it is one of the four. */
    public static Optional<RegistryPath> netKey(RegistryPath path) {
        return NET_KEYS.stream().filter(path::sameAs).findFirst();
    }

    /** The protocol and role of a {@code SCHANNEL\Protocols\<protocol>\<role>} key. */
    public record SideKey(String protocol, String role) {}

    public static Optional<SideKey> sideOf(RegistryPath path) {
        Optional<RegistryPath> protocolKey = path.parent();
        if (protocolKey.isEmpty()
                || protocolKey.get().parent().map(p -> !p.sameAs(PROTOCOLS)).orElse(true)) {
            return Optional.empty();
        }
        Optional<String> protocol = protocolNamed(protocolKey.get().last());
        Optional<String> role = roleNamed(path.last());
        return protocol.isPresent() && role.isPresent()
                ? Optional.of(new SideKey(protocol.get(), role.get()))
                : Optional.empty();
    }

    /** What is declared for one protocol side. Values of a type Windows ignores count as not there. */
    public record Side(
            String protocol, String role, Optional<RegistryValue> enabled, Optional<RegistryValue> disabledByDefault) {

        public boolean declared() {
            return enabled.isPresent() || disabledByDefault.isPresent();
        }

        public boolean isEnabled() {
            return enabled.map(v -> v.number() != 0).orElse(true)
                    && disabledByDefault.map(v -> v.number() != 1).orElse(true);
        }

        public String name() {
            return protocol + "\\" + role;
        }

        public RegistryPath key() {
            return sideKey(protocol, role);
        }

        /** "Enabled 1, DisabledByDefault 0", for messages. */
        public String describe() {
            return ENABLED + " " + enabled.map(RegistryValue::text).orElse("not declared") + ", " + DISABLED_BY_DEFAULT
                    + " " + disabledByDefault.map(RegistryValue::text).orElse("not declared");
        }
    }

    public static Side side(Registry registry, String protocol, String role) {
        RegistryPath key = sideKey(protocol, role);
        return new Side(protocol, role, dword(registry, key, ENABLED), dword(registry, key, DISABLED_BY_DEFAULT));
    }

    /** A declared DWORD value (other types are ignored by Windows: EX1010 reports them). */
    public static Optional<RegistryValue> dword(Registry registry, RegistryPath key, String name) {
        return registry.value(key, name).filter(RegistryValue::isDword);
    }

    /** A protocol key name as it was probably meant, and the role it named too ({@code TLS 1.2 Server}). */
    public record Meant(String protocol, Optional<String> role) {}

    /**
     * The protocol a misspelt key or value name means: {@code TLS1.2}, {@code TLSv1.2}, {@code tls_1_2} and
     * {@code TLS 1.2 Server} all mean {@code TLS 1.2}; {@code SSLv3} means {@code SSL 3.0}. Empty for a name that
     * resembles none.
     */
    public static Optional<Meant> protocolMeant(String name) {
        return MEANT.get(name);
    }

    /**
     * What each key name means, once: every key of every server is asked, and a check of 10,000 servers that each
     * declare their TLS registry spent a quarter of its time squashing the same few names with regular
     * expressions.
     */
    private static final BoundedMemo<String, Optional<Meant>> MEANT = new BoundedMemo<>(1 << 12, Tls::protocolMeantNew);

    private static final List<String> SQUASHED_PROTOCOL_KEYS =
            PROTOCOL_KEYS.stream().map(Tls::squash).toList();

    private static Optional<Meant> protocolMeantNew(String name) {
        String base = squash(name);
        Optional<String> role = Optional.empty();
        for (String r : ROLES) {
            String suffix = lower(r);
            if (base.endsWith(suffix) && base.length() > suffix.length()) {
                base = base.substring(0, base.length() - suffix.length());
                role = Optional.of(r);
            }
        }
        for (int i = 0; i < PROTOCOL_KEYS.size(); i++) {
            String squashed = SQUASHED_PROTOCOL_KEYS.get(i);
            // "SSLv3" and "TLS 1" leave out the minor version 0 that the key names carry.
            if (squashed.equals(base) || (squashed.endsWith("0") && squashed.equals(base + "0"))) {
                return Optional.of(new Meant(PROTOCOL_KEYS.get(i), role));
            }
        }
        return Optional.empty();
    }

    /** The role a misspelt role key means ({@code Servers}, {@code Sever}, {@code Cleint}). */
    public static Optional<String> roleMeant(String name) {
        String written = lower(name.strip());
        for (String role : ROLES) {
            String wanted = lower(role);
            if (written.equals(wanted + "s")
                    || io.github.exchangecompliance.load.Suggestions.distance(written, wanted) <= 2) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Lower case without spaces, dots, dashes, underscores or the {@code v} of {@code TLSv1.2}. */
    private static String squash(String name) {
        return lower(name).replaceAll("[\\s._\\-]", "").replaceFirst("^(tls|ssl|dtls|pct)v", "$1");
    }

    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
