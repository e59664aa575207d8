package io.github.exchangecompliance.live;

import static io.github.exchangecompliance.live.CliProperties.text;

import io.github.exchangecompliance.clixml.CliValue;
import io.github.exchangecompliance.clixml.CliValue.CliDictionary;
import io.github.exchangecompliance.clixml.CliValue.CliObject;
import io.github.exchangecompliance.clixml.CliValue.CliPrimitive;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a server's Windows holds, as the exports give it: the WinHTTP proxy, a registry key read with
 * {@code Get-ItemProperty}, or HealthChecker's TLS settings; each into the server's {@code winHttpProxy} and
 * {@code registry}, with the values the export looked at whether set or not (drift tells "not set" from "not
 * exported" by them).
 */
final class WindowsSettings {

    /** Where what no mapping knows is counted. */
    @FunctionalInterface
    interface Unmapped {
        void count(String what);
    }

    private WindowsSettings() {}

    /** True for an object this class maps. */
    static boolean isSettings(CliObject object) {
        return object.property("WinHttpSettings").isPresent()
                || registryKeyOf(object).isPresent()
                || isTlsSettings(object);
    }

    /** Maps the object into the server's settings. */
    static void apply(CliObject object, LiveServer server, Unmapped unmapped) {
        if (object.property("WinHttpSettings").isPresent()) {
            winHttpSettings(object, server, unmapped);
        } else if (registryKeyOf(object).isPresent()) {
            registryItem(object, registryKeyOf(object).orElseThrow(), server, unmapped);
        } else {
            tlsSettings(object, server);
        }
    }

    /**
     * The WinHTTP proxy as {@code Get-ItemProperty} reads it from
     * {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections}: the binary
     * {@code WinHttpSettings} holds the proxy's length as a little-endian DWORD at byte 12 and the proxy from byte
     * 16 (how HealthChecker's Get-HttpProxySetting reads it); no proxy there is "direct", as netsh says.
     */
    private static void winHttpSettings(CliObject object, LiveServer server, Unmapped unmapped) {
        CliValue raw = object.property("WinHttpSettings").orElseThrow();
        if (!(raw instanceof CliPrimitive p) || !(p.value() instanceof byte[] bytes)) {
            unmapped.count("WinHttpSettings that are not a byte array");
            return;
        }
        String proxy = "direct";
        if (bytes.length >= 16) {
            long length = (bytes[12] & 0xffL)
                    | (bytes[13] & 0xffL) << 8
                    | (bytes[14] & 0xffL) << 16
                    | (bytes[15] & 0xffL) << 24;
            if (length > 0 && 16 + length <= bytes.length) {
                proxy = new String(bytes, 16, (int) length, java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
        }
        server.winHttpProxy = Value.of(proxy.isEmpty() ? "direct" : proxy, p.location());
    }

    /** The key a {@code Get-ItemProperty} object was read from: its {@code PSPath} under the Registry provider. */
    static Optional<RegistryPath> registryKeyOf(CliObject object) {
        Value<String> path = text(object, "PSPath");
        if (path == null || !path.value().toLowerCase(Locale.ROOT).contains("registry::")) {
            return Optional.empty();
        }
        return RegistryPath.parse(path.value());
    }

    /**
     * {@code Get-ItemProperty} of a key, through {@code Invoke-Command}: each DWORD of the key (an Int32, as
     * PowerShell reads REG_DWORD) is a registry value of the server; the whole key was read, so a value it lacks is
     * not set there. Other data types are not imported.
     */
    private static void registryItem(CliObject object, RegistryPath key, LiveServer server, Unmapped unmapped) {
        server.registryLooked.putIfAbsent(looked(key, "*"), object.location());
        object.properties().forEach((property, value) -> {
            if (property.startsWith("PS") || property.equals("RunspaceId")) {
                return;
            }
            if (value instanceof CliPrimitive p
                    && p.value() instanceof Long n
                    && p.tag().equals("I32")) {
                long dword = n < 0 ? n & 0xffffffffL : n;
                server.registry
                        .keyFor(key, key.text(), object.location())
                        .put(RegistryValue.dword(property, dword, dwordText(dword), p.location()));
            } else {
                unmapped.count("registry values that are not a DWORD (" + property + ")");
            }
        });
    }

    /** HealthChecker's TLS object: Registry.TLS["1.2"].ServerEnabledValue ..., Registry.NET["NETv4"]... */
    private static void tlsSettings(CliObject object, LiveServer server) {
        CliObject registry = (CliObject) object.property("Registry").orElseThrow();
        registry.property("TLS")
                .filter(CliDictionary.class::isInstance)
                .ifPresent(tls -> ((CliDictionary) tls).entries().forEach((version, settings) -> {
                    if (settings instanceof CliObject s) {
                        for (String role : List.of("Server", "Client")) {
                            RegistryPath key = RegistryPath.of(
                                    "HKLM",
                                    "SYSTEM",
                                    "CurrentControlSet",
                                    "Control",
                                    "SecurityProviders",
                                    "SCHANNEL",
                                    "Protocols",
                                    "TLS " + version,
                                    role);
                            dword(server, key, "Enabled", s, role + "EnabledValue");
                            dword(server, key, "DisabledByDefault", s, role + "DisabledByDefaultValue");
                        }
                    }
                }));
        registry.property("NET")
                .filter(CliDictionary.class::isInstance)
                .ifPresent(net -> ((CliDictionary) net).entries().forEach((version, settings) -> {
                    String folder = version.equalsIgnoreCase("NETv2") ? "v2.0.50727" : "v4.0.30319";
                    if (settings instanceof CliObject s) {
                        RegistryPath key = RegistryPath.of("HKLM", "SOFTWARE", "Microsoft", ".NETFramework", folder);
                        RegistryPath wow = RegistryPath.of(
                                "HKLM", "SOFTWARE", "Wow6432Node", "Microsoft", ".NETFramework", folder);
                        dword(server, key, "SystemDefaultTlsVersions", s, "SystemDefaultTlsVersionsValue");
                        dword(server, key, "SchUseStrongCrypto", s, "SchUseStrongCryptoValue");
                        dword(server, wow, "SystemDefaultTlsVersions", s, "WowSystemDefaultTlsVersionsValue");
                        dword(server, wow, "SchUseStrongCrypto", s, "WowSchUseStrongCryptoValue");
                    }
                }));
    }

    /** A value the registry holds on the server; a Nil one (not set there) is left out, as the server has none. */
    private static void dword(LiveServer server, RegistryPath key, String name, CliObject settings, String property) {
        settings.property(property)
                .ifPresent(looked -> server.registryLooked.putIfAbsent(looked(key, name), looked.location()));
        settings.property(property)
                .filter(CliPrimitive.class::isInstance)
                .map(CliPrimitive.class::cast)
                .filter(p -> p.value() instanceof Long)
                .ifPresent(p -> {
                    long n = (Long) p.value();
                    long dword = n < 0 ? n & 0xffffffffL : n;
                    server.registry
                            .keyFor(key, key.text(), p.location())
                            .put(RegistryValue.dword(name, dword, dwordText(dword), p.location()));
                });
    }

    /** A DWORD as a person writes it: decimal, but all bits set as {@code 0xffffffff} (what -1 was meant as). */
    private static String dwordText(long dword) {
        return dword == 0xffffffffL ? "0xffffffff" : Long.toString(dword);
    }

    /** How {@link LiveServer#registryLooked} names a value. */
    static String looked(RegistryPath key, String name) {
        return (key.matchKey() + "\\" + name).toLowerCase(Locale.ROOT);
    }

    private static boolean isTlsSettings(CliObject object) {
        return object.property("Registry")
                .filter(r -> r instanceof CliObject registry
                        && registry.property("TLS").isPresent())
                .isPresent();
    }
}
