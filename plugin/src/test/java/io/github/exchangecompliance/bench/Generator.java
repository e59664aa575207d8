package io.github.exchangecompliance.bench;

import io.github.exchangecompliance.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes organizations of a given size in the shapes real repositories have: native servers that take their TLS
 * settings from a group, native servers that each declare their whole TLS registry, an Ansible inventory with a
 * host_vars file a host, and a hybrid organization with certificates and hybrid receive connectors.
 */
final class Generator {

    private static final String S = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    private Generator() {}

    /** The shapes, by the name the benchmark's tables give them. */
    static final List<String> SHAPES = List.of("native-groups", "native-full-tls", "ansible-host-vars", "hybrid");

    /** {@code <shape> <servers> <dir>}: one organization, to profile a check of it (the benchmark page says how). */
    public static void main(String[] args) throws IOException {
        generate(args[0], Integer.parseInt(args[1]), Path.of(args[2]));
    }

    static void generate(String shape, int servers, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        switch (shape) {
            case "native-groups" -> nativeFormat(servers, dir);
            case "native-full-tls" -> fullTls(servers, dir);
            case "ansible-host-vars" -> ansible(servers, dir);
            case "hybrid" -> hybrid(servers, dir);
            default -> throw new IllegalArgumentException("no shape " + shape + "; use " + SHAPES);
        }
    }

    /**
     * Each server declares its whole TLS registry in block style, as a server's own file in a repository without
     * groups does: the Server and Client key of each protocol from SSL 3.0 to TLS 1.3, seven weak ciphers, and the
     * four .NET keys (about 2.7 KB a server).
     */
    private static void fullTls(int servers, Path dir) throws IOException {
        StringBuilder registry = new StringBuilder();
        for (String protocol : new String[] {"SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"}) {
            boolean on = protocol.equals("TLS 1.2");
            for (String side : new String[] {"Server", "Client"}) {
                registry.append("    ")
                        .append(S)
                        .append('\\')
                        .append(protocol)
                        .append('\\')
                        .append(side)
                        .append(":\n      Enabled: ")
                        .append(on ? 1 : 0)
                        .append("\n      DisabledByDefault: ")
                        .append(on ? 0 : 1)
                        .append('\n');
            }
        }
        for (String cipher : new String[] {
            "RC4 128/128", "RC4 64/128", "RC4 56/128", "RC4 40/128", "DES 56/56", "Triple DES 168", "NULL"
        }) {
            registry.append("    HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\")
                    .append(cipher)
                    .append(":\n      Enabled: 0\n");
        }
        netFramework(registry, "WOW6432Node", ":\n      SchUseStrongCrypto: 1\n      SystemDefaultTlsVersions: 1\n");
        for (int i = 1; i <= servers; i++) {
            String name = String.format(Locale.ROOT, "EX%05d", i);
            Files.writeString(
                    dir.resolve(name.toLowerCase(Locale.ROOT) + ".yaml"),
                    """
                    apiVersion: exchange-compliance/v1
                    kind: Server
                    metadata:
                      name: %1$s
                    spec:
                      version: SE RTM
                      operatingSystem: WindowsServer2022
                      fqdn: %2$s.contoso.com
                      roles: [Mailbox]
                      registry:
                    %3$s""".formatted(name, name.toLowerCase(Locale.ROOT), registry),
                    StandardCharsets.UTF_8);
        }
    }

    /** The four .NET Framework keys, each followed by {@code values}; {@code wow} spells the 32-bit node. */
    private static void netFramework(StringBuilder to, String wow, String values) {
        for (String k : new String[] {"Microsoft", wow + "\\Microsoft"}) {
            for (String v : new String[] {"v4.0.30319", "v2.0.50727"}) {
                to.append("    HKLM\\SOFTWARE\\")
                        .append(k)
                        .append("\\.NETFramework\\")
                        .append(v)
                        .append(values);
            }
        }
    }

    /**
     * A hybrid organization: the native servers of {@link #nativeFormat} with the hybrid certificate and, on the
     * first twenty (the mail-flow servers HCW names), a Default Frontend connector that carries the hybrid
     * certificate's name and the cloud's domain capability.
     */
    private static void hybrid(int servers, Path dir) throws IOException {
        nativeFormat(servers, dir);
        Path certs = Files.createDirectories(dir.resolve("certs"));
        for (String pem : new String[] {"mail.pem", "issuing-ca.pem", "root.pem"}) {
            Files.copy(TestPki.directory().resolve("certs").resolve(pem), certs.resolve(pem));
        }
        int mailFlow = Math.min(20, servers);
        StringBuilder names = new StringBuilder();
        for (int i = 1; i <= mailFlow; i++) {
            names.append(i == 1 ? "" : ", ").append(String.format(Locale.ROOT, "EX%05d", i));
        }
        Files.writeString(dir.resolve("organization.yaml"), """
                apiVersion: exchange-compliance/v1
                kind: Organization
                metadata: {name: contoso}
                spec:
                  environment: Global
                  hybrid:
                    enabled: true
                    mailFlowServers: [%s]
                    certificate: mail
                ---
                apiVersion: exchange-compliance/v1
                kind: Certificate
                metadata: {name: mail}
                spec:
                  file: certs/mail.pem
                  chain: [certs/issuing-ca.pem, certs/root.pem]
                  services: [SMTP, IIS]
                """.formatted(names), StandardCharsets.UTF_8);
        String tlsName = "<I>" + TestPki.ISSUING + "<S>CN=mail.contoso.com, O=Contoso, C=US";
        for (int i = 1; i <= servers; i++) {
            String name = String.format(Locale.ROOT, "EX%05d", i);
            Path file = dir.resolve(name.toLowerCase(Locale.ROOT) + ".yaml");
            String text = Files.readString(file)
                    .replace("  roles: [Mailbox]\n", "  roles: [Mailbox]\n  certificates: [mail]\n");
            if (i <= mailFlow) {
                text = text.replace(
                        "0.0.0.0-255.255.255.255\"]\n",
                        "0.0.0.0-255.255.255.255\"]\n      tlsCertificateName: \"" + tlsName + "\"\n"
                                + "      tlsDomainCapabilities: [\"mail.protection.outlook.com:AcceptCloudServicesMail\"]\n"
                                + "      hybrid: true\n");
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    private static void nativeFormat(int servers, Path dir) throws IOException {
        StringBuilder group = new StringBuilder("""
                apiVersion: exchange-compliance/v1
                kind: ServerGroup
                metadata: {name: tls}
                spec:
                  version: SE RTM
                  operatingSystem: WindowsServer2022
                  registry:
                """);
        for (String p : new String[] {"TLS 1.0", "TLS 1.1"}) {
            for (String r : new String[] {"Server", "Client"}) {
                group.append("    ")
                        .append(S)
                        .append('\\')
                        .append(p)
                        .append('\\')
                        .append(r)
                        .append(": {Enabled: 0, DisabledByDefault: 1}\n");
            }
        }
        for (String r : new String[] {"Server", "Client"}) {
            group.append("    ")
                    .append(S)
                    .append("\\TLS 1.2\\")
                    .append(r)
                    .append(": {Enabled: 1, DisabledByDefault: 0}\n");
        }
        netFramework(group, "Wow6432Node", ": {SchUseStrongCrypto: 1, SystemDefaultTlsVersions: 1}\n");
        Files.writeString(dir.resolve("groups.yaml"), group, StandardCharsets.UTF_8);
        for (int i = 1; i <= servers; i++) {
            String name = String.format(Locale.ROOT, "EX%05d", i);
            Files.writeString(
                    dir.resolve(name.toLowerCase(Locale.ROOT) + ".yaml"),
                    """
                    apiVersion: exchange-compliance/v1
                    kind: Server
                    metadata: {name: %1$s, groups: [tls]}
                    spec:
                      fqdn: %2$s.contoso.com
                      roles: [Mailbox]
                      mailboxes: {user: 300, publicFolder: 0}
                      registry:
                        HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\AuthRoot: {DisableRootAutoUpdate: 0}
                      receiveConnectors:
                        - name: Default Frontend %1$s
                          transportRole: FrontendTransport
                          bindings: ["0.0.0.0:25", "[::]:25"]
                          remoteIPRanges: ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255"]
                        - name: Relay %1$s
                          transportRole: HubTransport
                          bindings: ["0.0.0.0:2525"]
                          remoteIPRanges: ["10.%3$d.%4$d.0/24"]
                    """.formatted(name, name.toLowerCase(Locale.ROOT), i / 250, i % 250),
                    StandardCharsets.UTF_8);
        }
    }

    private static void ansible(int servers, Path dir) throws IOException {
        StringBuilder inventory = new StringBuilder("[exchange]\n");
        Files.createDirectories(dir.resolve("host_vars"));
        for (int i = 1; i <= servers; i++) {
            String host = String.format(Locale.ROOT, "ex%05d.contoso.com", i);
            inventory.append(host).append('\n');
            Files.writeString(
                    dir.resolve("host_vars").resolve(host + ".yml"),
                    "winhttp_proxy: proxy.contoso.com:8080\nrelay_range: 10.%d.%d.0/24\n".formatted(i / 250, i % 250),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("inventory.ini"), inventory, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/exchange.yml"), "tls_legacy: false\nstrong_crypto: 1\n");
        Files.writeString(dir.resolve("site.yml"), "- hosts: exchange\n  roles: [tls]\n");
        Path tasks = Files.createDirectories(dir.resolve("roles/tls/tasks"));
        StringBuilder t = new StringBuilder(
                """
                - name: SCHANNEL
                  ansible.windows.win_regedit:
                    path: %s\\{{ item.0 }}\\{{ item.1 }}
                    name: "{{ item.2 }}"
                    data: "{{ item.3 }}"
                    type: dword
                  loop:
                """.formatted("HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"));
        for (String p : new String[] {"TLS 1.0", "TLS 1.1", "TLS 1.2"}) {
            for (String r : new String[] {"Server", "Client"}) {
                boolean on = p.equals("TLS 1.2");
                t.append("    - [\"")
                        .append(p)
                        .append("\", ")
                        .append(r)
                        .append(", Enabled, ")
                        .append(on ? 1 : 0)
                        .append("]\n    - [\"")
                        .append(p)
                        .append("\", ")
                        .append(r)
                        .append(", DisabledByDefault, ")
                        .append(on ? 0 : 1)
                        .append("]\n");
            }
        }
        t.append("""
                - name: .NET
                  win_regedit:
                    path: "{{ item.0 }}"
                    name: "{{ item.1 }}"
                    data: "{{ strong_crypto }}"
                    type: dword
                  loop:
                """);
        for (String k : new String[] {"Microsoft", "Wow6432Node\\Microsoft"}) {
            for (String v : new String[] {"v4.0.30319", "v2.0.50727"}) {
                for (String n : new String[] {"SchUseStrongCrypto", "SystemDefaultTlsVersions"}) {
                    t.append("    - ['HKLM:\\SOFTWARE\\")
                            .append(k)
                            .append("\\.NETFramework\\")
                            .append(v)
                            .append("', ")
                            .append(n)
                            .append("]\n");
                }
            }
        }
        t.append("""
                - name: WinHTTP proxy
                  win_http_proxy:
                    proxy: "{{ winhttp_proxy }}"
                - name: Relay connector
                  win_dsc:
                    resource_name: ExchReceiveConnector
                    Identity: "{{ inventory_hostname | default('EX') }}\\\\Relay"
                    TransportRole: HubTransport
                    Bindings: ["0.0.0.0:2525"]
                    RemoteIPRanges: ["{{ relay_range }}"]
                    Ensure: Present
                """);
        Files.writeString(tasks.resolve("main.yml"), t, StandardCharsets.UTF_8);
    }
}
