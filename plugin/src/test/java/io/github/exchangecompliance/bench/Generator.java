package io.github.exchangecompliance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a realistic organization of a given size: groups, servers with TLS settings and connectors. */
final class Generator {

    private static final String S = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    private Generator() {}

    static void generate(String format, int servers, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (format.equals("native")) {
            nativeFormat(servers, dir);
        } else {
            ansible(servers, dir);
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
        for (String k : new String[] {"Microsoft", "Wow6432Node\\Microsoft"}) {
            for (String v : new String[] {"v4.0.30319", "v2.0.50727"}) {
                group.append("    HKLM\\SOFTWARE\\")
                        .append(k)
                        .append("\\.NETFramework\\")
                        .append(v)
                        .append(": {SchUseStrongCrypto: 1, SystemDefaultTlsVersions: 1}\n");
            }
        }
        Files.writeString(dir.resolve("groups.yaml"), group, StandardCharsets.UTF_8);
        for (int i = 1; i <= servers; i++) {
            String name = String.format("EX%05d", i);
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
            String host = String.format("ex%05d.contoso.com", i);
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
