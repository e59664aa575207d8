package io.github.exchangecompliance.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.testing.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ansible repositories as Ansible runs them: inventories, variables, plays, modules, commands. */
class AnsibleLoaderTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Repository.write(repo, path, text);
    }

    private CheckResult check() throws IOException {
        return new Checker(CheckConfig.of(repo)).check();
    }

    private static Server server(CheckResult result, String name) {
        return result.model().servers().stream()
                .filter(s -> s.displayName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void yamlInventoryChildrenGroupVarsFolderBlocksIncludesAndProxies() throws IOException {
        write("inventories/prod/hosts.yml", """
                all:
                  children:
                    exchange:
                      children:
                        exchange_dag1:
                          hosts:
                            ex01: {proxy_port: 8080}
                    dcs:
                      hosts:
                        dc01:
                """);
        write("inventories/prod/group_vars/exchange/proxy.yml", "proxy_host: proxy.contoso.com\n");
        write("site.yml", """
                - hosts: exchange
                  pre_tasks:
                    - name: WinHTTP proxy
                      ansible.windows.win_http_proxy:
                        proxy: "{{ proxy_host }}:{{ proxy_port }}"
                  tasks:
                    - block:
                        - include_tasks: tasks/exchange.yml
                - hosts: dcs
                  tasks:
                    - win_shell: netsh winhttp reset proxy
                """);
        write("tasks/exchange.yml", """
                - name: Exchange proxy
                  ansible.windows.win_shell: Set-ExchangeServer -Identity $env:COMPUTERNAME -InternetWebProxy http://proxy.contoso.com:3128
                - name: Mitigations off
                  win_powershell:
                    script: Set-OrganizationConfig -MitigationsEnabled $false
                """);
        CheckResult result = check();
        Server ex01 = server(result, "ex01");
        assertThat(result.model().servers()).extracting(Server::displayName).containsExactly("ex01");
        assertThat(ex01.spec().winHttpProxy().value()).isEqualTo("proxy.contoso.com:8080");
        assertThat(ex01.spec().internetWebProxy().value()).isEqualTo("http://proxy.contoso.com:3128");
        assertThat(result.model()
                        .organization()
                        .orElseThrow()
                        .mitigationsEnabled()
                        .value())
                .isFalse();
        assertThat(result.findings()).extracting(f -> f.rule().id()).contains("EX2009", "EX2003");
        assertThat(result.relativeFiles())
                .contains(
                        "inventories/prod/hosts.yml",
                        "inventories/prod/group_vars/exchange/proxy.yml",
                        "site.yml",
                        "tasks/exchange.yml");
    }

    @Test
    @Timeout(60)
    void aHostAtTheFootOfTwentyThousandNestedGroupsGetsTheTopGroupsVariablesWithoutGoingAsDeep() throws IOException {
        // Groups are followed without recursion, and each host's groups found from the hosts up.
        StringBuilder inventory = new StringBuilder("[exchange]\nex01\nex02\n");
        for (int i = 0; i < 20_000; i++) {
            inventory
                    .append("[g")
                    .append(i)
                    .append(":children]\n")
                    .append(i == 19_999 ? "exchange" : "g" + (i + 1))
                    .append('\n');
        }
        write("inventory.ini", inventory.toString());
        write("group_vars/g0.yml", "proxy_host: proxy.contoso.com\n");
        write("group_vars/g19999.yml", "proxy_port: 3128\n");
        write("site.yml", """
                - hosts: g0
                  tasks:
                    - ansible.windows.win_http_proxy:
                        proxy: "{{ proxy_host }}:{{ proxy_port }}"
                """);

        CheckResult result = check();

        assertThat(result.model().servers()).extracting(Server::displayName).containsExactly("ex01", "ex02");
        assertThat(server(result, "ex02").spec().winHttpProxy().value()).isEqualTo("proxy.contoso.com:3128");
    }

    @Test
    void variablesMayBeInAFileBelowAFolderNamedAsAnsibleNamesThemAndNowhereElse() {
        for (String yes : List.of(
                "group_vars/all.yml",
                "inventories/prod/host_vars/ex01.yml",
                "roles/r/defaults/main.yml",
                "roles/r/vars/main.yml",
                "group_vars/exchange/proxy.yml",
                "vars",
                "a/vars/b/c.yml")) {
            assertThat(AnsibleLoader.mayHoldVariables(Path.of(yes))).as(yes).isTrue();
        }
        for (String no : List.of(
                "site.yml",
                "vars.yml",
                "my_group_vars/all.yml",
                "group_vars_old/all.yml",
                "roles/r/tasks/vars_check.yml",
                "roles/r/xvars/main.yml",
                "hostvars/ex01.yml")) {
            assertThat(AnsibleLoader.mayHoldVariables(Path.of(no))).as(no).isFalse();
        }
    }

    @Test
    void anInventoryNamedByAnsibleCfgWithARelativePathIsReadAndCountedAsRead() throws IOException {
        write("ansible.cfg", "[defaults]\ninventory = ./inventories/../inventories/prod/hosts.yml\n");
        write("inventories/prod/hosts.yml", """
                exchange:
                  hosts:
                    ex01:
                """);
        write("site.yml", """
                - hosts: exchange
                  tasks:
                    - ansible.windows.win_http_proxy:
                        proxy: proxy.contoso.com:8080
                """);
        CheckResult result = check();
        assertThat(result.model().servers()).extracting(Server::displayName).containsExactly("ex01");
        assertThat(result.relativeFiles()).containsExactly("inventories/prod/hosts.yml", "site.yml");
        assertThat(List.of(result.filesSkipped())).containsExactly(0);
    }

    @Test
    void withTwoSourceRootsTheLaterRootsGroupVarsWinAlsoWhenItHoldsTheInventory() throws IOException {
        write("a/group_vars/all.yml", "proxy_port: 1111\nproxy_host: proxy-a.contoso.com\n");
        write("b/group_vars/all.yml", "proxy_port: 2222\n");
        write("b/inventory.ini", "[exchange]\nex01\n");
        write("b/site.yml", """
                - hosts: exchange
                  tasks:
                    - win_http_proxy:
                        proxy: "{{ proxy_host }}:{{ proxy_port }}"
                """);
        CheckConfig base = CheckConfig.of(repo);
        CheckConfig twoRoots = new CheckConfig(
                repo,
                List.of(repo.resolve("a"), repo.resolve("b")),
                base.includes(),
                base.excludes(),
                base.limits(),
                base.rules(),
                base.context(),
                List.of(),
                List.of(),
                false,
                null);

        CheckResult result = new Checker(twoRoots).check();

        assertThat(server(result, "ex01").spec().winHttpProxy().value()).isEqualTo("proxy-a.contoso.com:2222");
        assertThat(result.relativeFiles()).contains("a/group_vars/all.yml", "b/group_vars/all.yml");
    }

    @Test
    void connectorsFromDscAndPowerShellFeedHcwsChoice() throws IOException {
        write("inventory", "[exchange]\nEX01 ansible_host=10.0.0.1\n");
        write("org.yaml", """
                apiVersion: exchange-compliance/v1
                kind: Organization
                metadata: {name: contoso}
                spec:
                  hybrid: {mailFlowServers: [EX01]}
                """);
        write("playbook.yml", """
                - hosts: all
                  tasks:
                    - name: Default Frontend
                      ansible.windows.win_dsc:
                        resource_name: ExchReceiveConnector
                        Identity: EX01\\Default Frontend EX01
                        TransportRole: FrontendTransport
                        Bindings: ["0.0.0.0:25"]
                        RemoteIPRanges: "40.92.0.0/15"
                        Ensure: Present
                    - name: Relay
                      ansible.windows.win_shell: >-
                        New-ReceiveConnector -Name 'Relay EX01' -TransportRole hubtransport
                        -Bindings '0.0.0.0:25' -RemoteIPRanges '0.0.0.0-255.255.255.255'
                """);
        CheckResult result = check();
        assertThat(server(result, "EX01").spec().receiveConnectors())
                .extracting(c -> c.name().value())
                .containsExactly("Default Frontend EX01", "Relay EX01");
        assertThat(result.findings()).extracting(f -> f.rule().id()).contains("EX3001", "EX3005", "EX3008");
    }

    @Test
    void sendConnectorsFromPowerShellJoinTheOrganizationOnce() throws IOException {
        write("inventory", "[exchange]\nEX01\nEX02\n");
        write("org.yaml", """
                apiVersion: exchange-compliance/v1
                kind: Organization
                metadata: {name: contoso}
                spec:
                  sendConnectors:
                    - name: Internet
                      addressSpaces: ["smtp:*;1"]
                """);
        write("playbook.yml", """
                - hosts: exchange
                  tasks:
                    - name: Connector to Exchange Online
                      ansible.windows.win_powershell:
                        script: |
                          New-SendConnector -Name 'Outbound to Office 365' -AddressSpaces 'smtp:contoso.mail.onmicrosoft.com;1' `
                            -SourceTransportServers EX01,EX02 -CloudServicesMailEnabled:$true -RequireTLS $true `
                            -TlsAuthLevel DomainValidation -TlsDomain mail.protection.outlook.com -DNSRoutingEnabled
                    - name: Internet connector certificate
                      ansible.windows.win_shell: Set-SendConnector -Identity Internet -RequireTLS $false
                """);
        CheckResult result = check();
        List<SendConnector> connectors =
                result.model().organization().orElseThrow().sendConnectors();
        assertThat(connectors).extracting(c -> c.name().value()).containsExactly("Internet", "Outbound to Office 365");
        SendConnector exo = connectors.get(1);
        assertThat(exo.addressSpaces()).extracting(Value::value).containsExactly("smtp:contoso.mail.onmicrosoft.com;1");
        assertThat(exo.sourceTransportServers()).extracting(Value::value).containsExactly("EX01", "EX02");
        assertThat(exo.cloudServicesMailEnabled().value()).isTrue();
        assertThat(exo.requireTls().value()).isTrue();
        assertThat(exo.dnsRoutingEnabled().value()).isTrue();
        assertThat(exo.tlsAuthLevel().value()).isEqualTo("DomainValidation");
        assertThat(exo.tlsDomain().value()).isEqualTo("mail.protection.outlook.com");
        assertThat(exo.location().line()).isEqualTo(5);
        // The task's Set-SendConnector adds to the native connector of the same name, field by field.
        assertThat(connectors.get(0).requireTls().value()).isFalse();
        assertThat(connectors.get(0).requireTls().location().line()).isEqualTo(10);
        assertThat(connectors.get(0).addressSpaces()).extracting(Value::value).containsExactly("smtp:*;1");
        assertThat(result.findings())
                .filteredOn(f -> f.rule().id().equals("EX3009"))
                .extracting(f -> f.location().line() + " " + f.message())
                .containsExactly("5 the send connector to Exchange Online 'Outbound to Office 365' has no "
                        + "tlsCertificateName");
    }

    @Test
    void withoutAnInventoryAPlayOnTheGroupStandsForOneServer() throws IOException {
        write("exchange.yml", """
                - hosts: exchange
                  vars: {crypto: 0}
                  tasks:
                    - win_regedit:
                        path: HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319
                        name: SchUseStrongCrypto
                        data: "{{ crypto }}"
                        type: dword
                """);
        CheckResult result = check();
        assertThat(result.model().servers()).extracting(Server::displayName).containsExactly("exchange");
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.rule().id()).isEqualTo("EX1003");
            assertThat(f.location().line()).isEqualTo(2);
        });
    }

    @Test
    void dscDocumentNamingAnExchangeServerJoinsTheNativeServer() throws IOException {
        write("servers.yaml", """
                apiVersion: exchange-compliance/v1
                kind: Server
                metadata: {name: EX01}
                spec: {version: SE RTM}
                """);
        write("ex01.dsc.yaml", """
                $schema: https://aka.ms/dsc/schemas/v3/bundled/config/document.json
                metadata: {exchangeServer: EX01}
                resources:
                  - name: Proxy
                    type: Microsoft.Windows/WindowsPowerShell
                    properties:
                      resources:
                        - name: Exchange server
                          type: ExchangeDsc/ExchExchangeServer
                          properties: {Identity: EX01, InternetWebProxy: "https://proxy.contoso.com"}
                """);
        CheckResult result = check();
        assertThat(result.model().servers()).hasSize(1);
        Server ex01 = server(result, "EX01");
        assertThat(ex01.spec().version().value()).isEqualTo("SE RTM");
        assertThat(ex01.spec().internetWebProxy().value()).isEqualTo("https://proxy.contoso.com");
        assertThat(result.findings()).extracting(f -> f.rule().id()).contains("EX2009");
    }

    @Test
    void sendConnectorsFromExchangeDscInAnsibleAndDscV3MergeWithTheNativeOne() throws IOException {
        write("inventory", "[exchange]\nEX01\n");
        write("org.yaml", """
                apiVersion: exchange-compliance/v1
                kind: Organization
                metadata: {name: contoso}
                spec:
                  sendConnectors:
                    - name: Outbound to Office 365
                      cloudServicesMailEnabled: true
                """);
        write("playbook.yml", """
                - hosts: exchange
                  tasks:
                    - ansible.windows.win_dsc:
                        resource_name: ExchSendConnector
                        Name: Outbound to Office 365
                        AddressSpaces: ["smtp:contoso.mail.onmicrosoft.com;1"]
                        SourceTransportServers: EX01
                        TlsAuthLevel: DomainValidation
                        RequireTLS: true
                        Ensure: Present
                """);
        write("ex01.dsc.yaml", """
                $schema: https://aka.ms/dsc/schemas/v3/bundled/config/document.json
                metadata: {exchangeServer: EX01}
                resources:
                  - name: Relay
                    type: ExchangeDsc/ExchSendConnector
                    properties:
                      Name: Relay to Exchange Online
                      AddressSpaces: ["*"]
                      SmartHosts: [contoso-com.mail.protection.outlook.com]
                      RequireTLS: false
                """);
        CheckResult result = check();
        List<SendConnector> connectors =
                result.model().organization().orElseThrow().sendConnectors();
        assertThat(connectors)
                .extracting(c -> c.name().value())
                .containsExactly("Outbound to Office 365", "Relay to Exchange Online");
        SendConnector hybrid = connectors.get(0);
        assertThat(hybrid.cloudServicesMailEnabled().value()).isTrue();
        assertThat(hybrid.requireTls().value()).isTrue();
        assertThat(hybrid.tlsAuthLevel().location().line()).isEqualTo(8);
        assertThat(hybrid.sourceTransportServers()).extracting(Value::value).containsExactly("EX01");
        SendConnector relay = connectors.get(1);
        assertThat(relay.smartHosts())
                .extracting(Value::value)
                .containsExactly("contoso-com.mail.protection.outlook.com");
        assertThat(relay.requireTls().value()).isFalse();
        assertThat(result.findings())
                .filteredOn(f -> f.rule().id().equals("EX3010"))
                .extracting(f -> result.relativePath(f) + ":" + f.location().line() + " " + f.message())
                .contains("ex01.dsc.yaml:10 the send connector to Exchange Online 'Relay to Exchange Online' has "
                        + "requireTls false; set it to true");
    }

    @Test
    void unreachedRolesStillStandAsDeclarations() throws IOException {
        write("roles/legacy/defaults/main.yml", "tls10: true\n");
        write("roles/legacy/tasks/main.yml", """
                - win_regedit:
                    path: HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server
                    name: Enabled
                    data: "{{ tls10 | ternary(1, 0) }}"
                    type: dword
                """);
        CheckResult result = check();
        assertThat(result.model().servers()).isEmpty();
        assertThat(result.findings())
                .extracting(f -> f.rule().id() + "@" + result.relativePath(f) + ":"
                        + f.location().line())
                .contains("EX1008@roles/legacy/defaults/main.yml:1");
        assertThat(List.of(result.filesSkipped())).containsExactly(1);
    }

    @Test
    void hostsShareATasksResultOnlyWhileTheVariablesItLooksUpAgree() throws IOException {
        write("inventory.ini", "[exchange]\nex01\nex02\nex03\nex04\n");
        write("group_vars/exchange.yml", "crypto: 1\n");
        write("host_vars/ex02.yml", "crypto: 0\n");
        write("host_vars/ex03.yml", "crypto: 1\n");
        write("host_vars/ex04.yml", "unrelated: 1\n");
        write("site.yml", """
                - hosts: exchange
                  tasks:
                    - win_regedit:
                        path: HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\{{ item }}
                        name: SchUseStrongCrypto
                        data: "{{ crypto }}"
                        type: dword
                      loop: [v4.0.30319, v2.0.50727]
                      when: crypto is defined
                    - win_regedit:
                        path: HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319
                        name: SystemDefaultTlsVersions
                        data: "{{ crypto }}"
                        type: dword
                """);
        CheckResult result = check();
        for (String host : List.of("ex01", "ex02", "ex03", "ex04")) {
            var values = server(result, host).spec().registry().keys().stream()
                    .flatMap(k -> k.values().stream()
                            .map(v -> k.path().last() + "/" + v.name() + "=" + v.number() + "@"
                                    + repo.relativize(v.location().file()) + ":"
                                    + v.location().line()))
                    .toList();
            String at = switch (host) {
                case "ex02" -> "host_vars/ex02.yml:1";
                case "ex03" -> "host_vars/ex03.yml:1";
                default -> "group_vars/exchange.yml:1";
            };
            long number = host.equals("ex02") ? 0 : 1;
            // The first task's condition is not decided: its values are unknown, but still at each host's variable.
            assertThat(values)
                    .as(host)
                    .containsExactly(
                            "v4.0.30319/SchUseStrongCrypto=null@" + at,
                            "v4.0.30319/SystemDefaultTlsVersions=" + number + "@" + at,
                            "v2.0.50727/SchUseStrongCrypto=null@" + at);
        }
    }

    @Test
    void hostsEvaluatedInParallelEachKeepTheirOwnValuesInTheInventorysOrder() throws IOException {
        // Enough hosts for both threads to work at once, with values that differ from host to host in three ways:
        // a variable of its own, one of two group values, and a task each host shares with half the others.
        StringBuilder inventory = new StringBuilder("[exchange]\n");
        for (int i = 0; i < 400; i++) {
            String host = String.format("ex%03d", i);
            inventory.append(host).append('\n');
            write("host_vars/" + host + ".yml", "proxy: proxy" + i + ".contoso.com:8080\ncrypto: " + (i % 2) + "\n");
        }
        write("inventory.ini", inventory.toString());
        write("site.yml", """
                - hosts: exchange
                  tasks:
                    - win_http_proxy:
                        proxy: "{{ proxy }}"
                    - win_regedit:
                        path: HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319
                        name: SchUseStrongCrypto
                        data: "{{ crypto }}"
                        type: dword
                """);

        for (int run = 0; run < 3; run++) {
            CheckResult result = check();
            List<Server> servers = result.model().servers();
            assertThat(servers).hasSize(400);
            for (int i = 0; i < 400; i++) {
                Server server = servers.get(i);
                assertThat(server.displayName()).isEqualTo(String.format("ex%03d", i));
                assertThat(server.spec().winHttpProxy().value()).isEqualTo("proxy" + i + ".contoso.com:8080");
                long crypto = i % 2;
                assertThat(server.spec().registry().keys())
                        .singleElement()
                        .satisfies(key -> assertThat(key.value("SchUseStrongCrypto")
                                        .orElseThrow()
                                        .number())
                                .isEqualTo(crypto));
            }
        }
    }

    @Test
    void templatesInsideListParametersAreRenderedElementByElement() throws IOException {
        write("inventory", "[exchange]\nEX01\n");
        write("host_vars/EX01.yml", "relay_range: 10.1.2.0/24\n");
        write("playbook.yml", """
                - hosts: exchange
                  tasks:
                    - name: Relay
                      ansible.windows.win_dsc:
                        resource_name: ExchReceiveConnector
                        Identity: "{{ inventory_hostname }}\\\\Relay"
                        TransportRole: HubTransport
                        Bindings: ["0.0.0.0:2525"]
                        RemoteIPRanges: ["{{ relay_range }}", "{{ undefined_range }}"]
                        Ensure: Present
                """);
        CheckResult result = check();
        var ranges = server(result, "EX01").spec().receiveConnectors().get(0).remoteIPRanges();
        assertThat(ranges)
                .extracting(r -> r.value() + "@" + repo.relativize(r.location().file()) + ":"
                        + r.location().line())
                .containsExactly("10.1.2.0/24@host_vars/EX01.yml:1");
        assertThat(result.findings())
                .extracting(f -> f.rule().id() + "@" + result.relativePath(f) + ":"
                        + f.location().line() + " " + f.message())
                .contains("EX0003@playbook.yml:9 RemoteIPRanges: the variable 'undefined_range' is not defined "
                        + "where the plugin looks (play vars, role defaults and vars, group_vars, host_vars); the "
                        + "element is unknown")
                .noneMatch(f -> f.startsWith("EX3007"));
    }
}
