package io.github.exchangecompliance.live;

import io.github.exchangecompliance.live.LiveExports.LiveCertificate;
import io.github.exchangecompliance.model.Clouds;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes what the exports say as the native format, laid out as a person would keep it: {@code organization.yaml},
 * one file a server under {@code servers/}, the registry values every server shares in {@code groups/}, and each
 * certificate as a document with its PEM beside it under {@code certificates/}. The output is the same for the same
 * exports (no dates, sorted names). Nothing secret is written: exports hold no keys, and secure strings are dropped
 * when read.
 */
public final class ImportWriter {

    /** The name of the group holding what every server shares. */
    public static final String SHARED_GROUP = "exchange-servers";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/-]*[A-Za-z0-9]|[A-Za-z]");
    private static final List<String> YAML_WORDS = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private ImportWriter() {}

    /** The files to write, by path relative to the import directory, in a stable order. */
    public static Map<String, String> files(LiveExports exports) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> certificateNames = certificateNames(exports.certificates());
        files.put("organization.yaml", organization(exports, certificateNames));
        List<LiveServer> servers = exports.servers();
        // Only servers whose values were exported share them: an Edge server without a TLS export is no member.
        List<LiveServer> withRegistry =
                servers.stream().filter(s -> !s.registry.isEmpty()).toList();
        Map<String, String> shared = withRegistry.size() > 1 ? shared(withRegistry) : Map.of();
        if (!shared.isEmpty()) {
            files.put("groups/" + SHARED_GROUP + ".yaml", group(shared));
        }
        for (LiveServer server : servers) {
            files.put(
                    unique(files, "servers/" + fileName(server.name.value(), "server"), ".yaml"),
                    server(
                            server,
                            server.registry.isEmpty() ? Map.of() : shared,
                            certificateNames,
                            exports.certificates()));
        }
        for (LiveCertificate certificate : exports.certificates()) {
            String name = certificateNames.get(certificate.thumbprint());
            if (!files.containsKey("certificates/" + name + ".yaml")) {
                files.put("certificates/" + name + ".yaml", certificate(name, certificate));
                files.put("certificates/" + name + ".pem", certificate.pem());
            }
        }
        return files;
    }

    private static String organization(LiveExports exports, Map<String, String> certificateNames) {
        StringBuilder y = new StringBuilder();
        y.append(
                "# Written by exchange-compliance:import from the exports of the live servers. Review it, then commit.\n");
        document(y, "Organization", exports.organizationName().map(Value::value).orElse("organization"), null);
        int spec = y.length();
        environment(exports)
                .ifPresent(e -> y.append("  environment: ").append(e).append('\n'));
        exports.organizationMitigations()
                .ifPresent(m ->
                        y.append("  mitigationsEnabled: ").append(m.value()).append('\n'));
        exports.hybrid().ifPresent(h -> {
            if (exports.hybridServersListed().isEmpty()) {
                // A hybrid block without its servers checks nothing and is an error; say why it is not there.
                y.append("  # hybrid: Get-HybridConfiguration names no transport server the exports list (")
                        .append(h.transportServers().stream().map(Value::value).collect(Collectors.joining(", ")))
                        .append("):\n  #   export Get-ExchangeServer of those servers and import again.\n");
                return;
            }
            y.append("  hybrid:\n    enabled: true\n");
            list(y, "    ", "mailFlowServers", exports.hybridServersListed());
            hybridCertificate(h.tlsCertificateName(), exports.certificates())
                    .map(c -> certificateNames.get(c.thumbprint()))
                    .ifPresent(c -> y.append("    certificate: ").append(q(c)).append('\n'));
        });
        if (!exports.sendConnectors().isEmpty()) {
            y.append("  sendConnectors:\n");
            for (SendConnector c : exports.sendConnectors()) {
                y.append("    - name: ").append(q(c.name().value())).append('\n');
                list(y, "      ", "addressSpaces", c.addressSpaces());
                list(y, "      ", "smartHosts", c.smartHosts());
                list(y, "      ", "sourceTransportServers", c.sourceTransportServers());
                scalar(y, "      ", "tlsAuthLevel", c.tlsAuthLevel());
                scalar(y, "      ", "tlsDomain", c.tlsDomain());
                scalar(y, "      ", "tlsCertificateName", c.tlsCertificateName());
                bool(y, "      ", "cloudServicesMailEnabled", c.cloudServicesMailEnabled());
                bool(y, "      ", "requireTls", c.requireTls());
                scalar(y, "      ", "fqdn", c.fqdn());
                bool(y, "      ", "dnsRoutingEnabled", c.dnsRoutingEnabled());
            }
        }
        boolean onlyComments =
                y.substring(spec).lines().allMatch(line -> line.strip().startsWith("#"));
        y.insert(spec, onlyComments ? "spec: {}\n" : "spec:\n");
        return y.toString();
    }

    /** The cloud, where a send connector's TLS domain names it (GCC High and DoD share one: GCCHigh is written). */
    private static Optional<String> environment(LiveExports exports) {
        for (SendConnector c : exports.sendConnectors()) {
            if (c.tlsDomain() != null) {
                for (String cloud : List.of("Global", "GCCHigh", "China")) {
                    if (c.tlsDomain().value().equalsIgnoreCase(Clouds.hybridMailDomain(cloud))) {
                        return Optional.of(cloud);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The exported certificate the hybrid configuration's TlsCertificateName ({@code <I>issuer<S>subject}) names. */
    static Optional<LiveCertificate> hybridCertificate(Value<String> name, List<LiveCertificate> certificates) {
        if (name == null) {
            return Optional.empty();
        }
        return certificates.stream()
                .filter(c -> ("<I>" + c.issuer() + "<S>" + c.subject())
                        .equalsIgnoreCase(name.value().strip()))
                .findFirst();
    }

    private static String group(Map<String, String> shared) {
        StringBuilder y = new StringBuilder();
        y.append("# What every server's export shows alike; a server's own file holds only what differs.\n");
        document(y, "ServerGroup", SHARED_GROUP, null);
        y.append("spec:\n");
        registry(y, shared);
        return y.toString();
    }

    private static String server(
            LiveServer server,
            Map<String, String> shared,
            Map<String, String> certificateNames,
            List<LiveCertificate> certificates) {
        StringBuilder y = new StringBuilder();
        if (!server.listed) {
            y.append("# No export of Get-ExchangeServer lists this server: only what the other exports say of it.\n");
        }
        document(y, "Server", server.name.value(), shared.isEmpty() ? null : SHARED_GROUP);
        y.append("spec:\n");
        scalar(y, "  ", "fqdn", server.fqdn);
        scalar(y, "  ", "version", server.version);
        list(y, "  ", "roles", server.roles.stream().distinct().toList());
        scalar(y, "  ", "operatingSystem", server.operatingSystem);
        scalar(y, "  ", "internetWebProxy", server.internetWebProxy);
        scalar(y, "  ", "winHttpProxy", server.winHttpProxy);
        bool(y, "  ", "mitigationsEnabled", server.mitigationsEnabled);
        List<String> bound = certificates.stream()
                .filter(c -> server.name.value().equalsIgnoreCase(c.server()))
                .map(c -> certificateNames.get(c.thumbprint()))
                .distinct()
                .toList();
        if (!bound.isEmpty()) {
            y.append("  certificates: [")
                    .append(String.join(
                            ", ", bound.stream().map(ImportWriter::q).toList()))
                    .append("]\n");
        }
        Map<String, String> own = new TreeMap<>(registryLines(server));
        own.keySet().removeAll(shared.keySet());
        registry(y, own);
        if (!server.receiveConnectors.isEmpty()) {
            y.append("  receiveConnectors:\n");
            for (ReceiveConnector c : server.receiveConnectors) {
                y.append("    - name: ").append(q(c.name().value())).append('\n');
                scalar(y, "      ", "transportRole", c.transportRole());
                list(y, "      ", "bindings", c.bindings());
                list(y, "      ", "remoteIPRanges", c.remoteIPRanges());
                scalar(y, "      ", "tlsCertificateName", c.tlsCertificateName());
                list(y, "      ", "tlsDomainCapabilities", c.tlsDomainCapabilities());
                scalar(y, "      ", "fqdn", c.fqdn());
            }
        }
        return y.toString();
    }

    private static String certificate(String name, LiveCertificate certificate) {
        StringBuilder y = new StringBuilder();
        y.append("# ")
                .append(certificate.subject())
                .append(", thumbprint ")
                .append(certificate.thumbprint())
                .append('\n');
        document(y, "Certificate", name, null);
        y.append("spec:\n  file: ").append(q(name + ".pem")).append('\n');
        List<String> services = certificate.services().stream()
                .filter(s -> List.of("SMTP", "IIS", "IMAP", "POP", "UM", "UMCallRouter", "Federation")
                        .contains(s))
                .toList();
        if (!services.isEmpty()) {
            y.append("  services: [").append(String.join(", ", services)).append("]\n");
        }
        return y.toString();
    }

    /** A readable, unique document name for each certificate: its subject's CN, then its thumbprint's start. */
    private static Map<String, String> certificateNames(List<LiveCertificate> certificates) {
        Map<String, String> names = new LinkedHashMap<>();
        for (LiveCertificate c : certificates) {
            if (names.containsKey(c.thumbprint())) {
                continue;
            }
            String cn = c.subject().replaceFirst("(?i)^.*?CN=([^,]+).*$", "$1");
            String base = fileName(cn, "certificate").replace('.', '-').replace('_', '-');
            String name = base;
            if (names.containsValue(name)) {
                String print = fileName(c.thumbprint(), "");
                name = base + "-" + print.substring(0, Math.min(8, print.length()));
            }
            for (int n = 2; names.containsValue(name); n++) {
                name = base + "-" + n;
            }
            names.put(c.thumbprint(), name);
        }
        return names;
    }

    /** Registry values each as one line under its key: "key\u0000name" to "value as YAML". */
    private static Map<String, String> registryLines(LiveServer server) {
        Map<String, String> lines = new TreeMap<>();
        for (RegistryKey key : server.registry.keys()) {
            for (RegistryValue value : key.values()) {
                lines.put(key.path().text() + "\u0000" + value.name(), value.text());
            }
        }
        return lines;
    }

    /** The registry values every server has alike. */
    private static Map<String, String> shared(List<LiveServer> servers) {
        Map<String, String> shared = new TreeMap<>(registryLines(servers.get(0)));
        for (LiveServer server : servers.subList(1, servers.size())) {
            Map<String, String> own = registryLines(server);
            shared.entrySet().removeIf(e -> !e.getValue().equals(own.get(e.getKey())));
        }
        return shared;
    }

    private static void registry(StringBuilder y, Map<String, String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        y.append("  registry:\n");
        String current = null;
        for (Map.Entry<String, String> line : lines.entrySet()) {
            String[] parts = line.getKey().split("\u0000", 2);
            if (!parts[0].equals(current)) {
                current = parts[0];
                y.append("    ").append(q(current)).append(":\n");
            }
            y.append("      ")
                    .append(q(parts[1]))
                    .append(": ")
                    .append(line.getValue())
                    .append('\n');
        }
    }

    private static void document(StringBuilder y, String kind, String name, String group) {
        y.append("apiVersion: exchange-compliance/v1\nkind: ").append(kind).append('\n');
        y.append("metadata:\n  name: ").append(q(name)).append('\n');
        if (group != null) {
            y.append("  groups: [").append(group).append("]\n");
        }
    }

    private static void scalar(StringBuilder y, String indent, String key, Value<String> value) {
        if (value != null) {
            y.append(indent).append(key).append(": ").append(q(value.value())).append('\n');
        }
    }

    private static void bool(StringBuilder y, String indent, String key, Value<Boolean> value) {
        if (value != null) {
            y.append(indent).append(key).append(": ").append(value.value()).append('\n');
        }
    }

    private static void list(StringBuilder y, String indent, String key, List<Value<String>> values) {
        if (!values.isEmpty()) {
            List<String> items = new ArrayList<>();
            values.forEach(v -> items.add(q(v.value())));
            y.append(indent)
                    .append(key)
                    .append(": [")
                    .append(String.join(", ", items))
                    .append("]\n");
        }
    }

    /**
     * A name as a file name: lower case, only letters, digits, dots, hyphens and underscores, never a path. A
     * name comes from an export, which a careless or hostile hand may have written ("../../etc/x").
     */
    static String fileName(String name, String fallback) {
        String file =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
        return file.isEmpty() ? fallback : file;
    }

    /** {@code base + extension}, or {@code base-2 + extension} and so on when another file has that name. */
    private static String unique(Map<String, String> files, String base, String extension) {
        String name = base + extension;
        for (int n = 2; files.containsKey(name); n++) {
            name = base + "-" + n + extension;
        }
        return name;
    }

    /**
     * A string as YAML: plain when nothing in it means something to YAML, single-quoted when it has no control
     * character, else double-quoted with escapes (a single-quoted scalar would fold a line break into a space).
     */
    static String q(String text) {
        if (PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        if (text.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)) {
            return "'" + text.replace("'", "''") + "'";
        }
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                quoted.append((char) c);
            }
        });
        return quoted.append('"').toString();
    }
}
