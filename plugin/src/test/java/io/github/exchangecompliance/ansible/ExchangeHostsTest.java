package io.github.exchangecompliance.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.testing.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real repositories' shapes: inventories as Ansible reads them, dynamic inventories, and the Exchange servers found
 * from what the plays do to them.
 */
class ExchangeHostsTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Repository.write(repo, path, text);
    }

    private CheckResult check() throws IOException {
        return new Checker(CheckConfig.of(repo)).check();
    }

    private CheckResult check(List<String> groups, List<Path> inventories) throws IOException {
        CheckConfig base = CheckConfig.of(repo);
        return new Checker(new CheckConfig(
                        repo,
                        List.of(repo),
                        base.includes(),
                        base.excludes(),
                        base.limits(),
                        base.rules(),
                        base.context(),
                        groups,
                        inventories,
                        false,
                        null))
                .check();
    }

    private static List<String> servers(CheckResult result) {
        return result.model().servers().stream().map(Server::displayName).toList();
    }

    private static List<String> findings(CheckResult result, String rule) {
        return result.findings().stream()
                .filter(f -> f.rule().id().equals(rule))
                .map(f -> result.relativePath(f) + ":" + f.location().line() + " " + f.message())
                .toList();
    }

    private static final String INSTALL = """
            - hosts: %s
              tasks:
                - name: Install Exchange
                  ansible.windows.win_command: D:\\setup.exe /Mode:Install /Roles:Mailbox /IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF
            """;

    @Test
    void anInventoryFolderNamedByAnsibleCfgIsReadAsAnsibleReadsIt() throws IOException {
        write("ansible.cfg", "[defaults]\ninventory = inventory/  ; the folder\nhost_key_checking = False\n");
        write("inventory/01-hosts.yml", """
                all:
                  children:
                    exchange_mailbox:
                      hosts:
                        ex01.contoso.com:
                        ex02.contoso.com:
                """);
        write("inventory/02-more.ini", "[exchange_mailbox]\nex03.contoso.com\n[dcs]\ndc01\n");
        // Ansible leaves these out of an inventory folder: hidden files, ignored extensions, its vars folders.
        write("inventory/README.md", "[exchange_mailbox]\nnot-a-host\n");
        write("inventory/.old.yml", "all: {hosts: {hidden: {}}}\n");
        write("inventory/group_vars/exchange_mailbox.yml", "tls_server: 0\n");
        write("site.yml", INSTALL.formatted("exchange_mailbox") + """
                - hosts: exchange_mailbox
                  tasks:
                    - win_regedit:
                        path: HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server
                        name: Enabled
                        data: "{{ tls_server }}"
                        type: dword
                """);

        CheckResult result = check();

        assertThat(servers(result)).containsExactly("ex01.contoso.com", "ex02.contoso.com", "ex03.contoso.com");
        assertThat(result.serversFound().get(0).why())
                .isEqualTo("a play installs Exchange (its setup with " + "/Mode:Install) on it (site.yml:4)");
        assertThat(findings(result, "EX1001"))
                .containsExactly("inventory/group_vars/exchange_mailbox.yml:1 "
                        + "Enabled is 0 under HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\"
                        + "Protocols\\TLS 1.2\\Server: TLS 1.2 is off for incoming connections; set it to 1");
        assertThat(result.relativeFiles()).contains("inventory/01-hosts.yml").doesNotContain("inventory/.old.yml");
        assertThat(findings(result, "EX0006")).isEmpty();
    }

    @Test
    void aCommaListOfInventoriesMergesThemAndTheParameterTakesTheSameForms() throws IOException {
        write("ansible.cfg", "[defaults]\ninventory = prod.ini, extra\n");
        write("prod.ini", "[exchange]\nex01\n");
        write("extra/hosts.yml", "exchange: {hosts: {ex02: {}}}\n");
        write("other.ini", "[exchange]\nex09\n");
        write("site.yml", "- hosts: exchange\n  tasks: []\n");

        assertThat(servers(check())).containsExactly("ex01", "ex02");
        assertThat(servers(check(List.of(), List.of(repo.resolve("other.ini"), repo.resolve("extra")))))
                .containsExactly("ex09", "ex02");
    }

    @Test
    void dynamicInventoriesAreFindingsAndNeverAnEmptyInventory() throws IOException {
        write("ansible.cfg", "[defaults]\ninventory = inventory\n");
        write("inventory/prod.aws_ec2.yml", "plugin: amazon.aws.aws_ec2\nregions: [eu-west-1]\n");
        write("inventory/cmdb.py", "#!/usr/bin/env python3\nprint('{}')\n");
        write("site.yml", INSTALL.formatted("tag_type_exchange"));

        CheckResult result = check();

        assertThat(findings(result, "EX0007"))
                .containsExactly(
                        "inventory/cmdb.py:1 the file is an inventory script: its hosts exist only when Ansible runs it,"
                                + " so none of them is checked; name a static inventory of the Exchange servers for the "
                                + "check (parameter ansibleInventory, an INI or YAML file such as 'ansible-inventory --list "
                                + "-y' writes), or declare them as native Server documents",
                        "inventory/prod.aws_ec2.yml:1 the file is a dynamic inventory (plugin: amazon.aws.aws_ec2): its "
                                + "hosts exist only when Ansible runs the plugin, so none of them is checked; name a static "
                                + "inventory of the Exchange servers for the check (parameter ansibleInventory, an INI or "
                                + "YAML file such as 'ansible-inventory --list -y' writes), or declare them as native Server "
                                + "documents");
        // The play installs Exchange on a group of the dynamic inventory: the group stands for one server.
        assertThat(servers(result)).containsExactly("tag_type_exchange");
    }

    @Test
    void exchangeDscAndExchangeCmdletsInARoleMarkTheirPlaysHosts() throws IOException {
        write("hosts", "[mail]\nex01\n[transport]\nex02\n[web]\nweb01\n");
        write("dsc.yml", """
                - hosts: mail
                  tasks:
                    - win_dsc:
                        resource_name: ExchExchangeServer
                        Identity: "{{ inventory_hostname }}"
                """);
        write("connectors.yml", "- hosts: transport:web:!web01\n  roles: [relay]\n");
        write("roles/relay/tasks/main.yml", "- include_tasks: connector.yml\n");
        write("roles/relay/tasks/connector.yml", """
                - win_shell: |
                    Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn
                    New-ReceiveConnector -Name Relay -TransportRole FrontendTransport `
                      -Bindings 0.0.0.0:2525 `
                      -RemoteIPRanges 10.0.0.5
                """);
        write("web.yml", "- hosts: web\n  tasks:\n    - win_shell: Connect-ExchangeOnline; Get-ExchangeServer\n");

        CheckResult result = check();

        assertThat(servers(result)).containsExactly("ex01", "ex02");
        assertThat(result.serversFound())
                .extracting(CheckResult.ServerFound::why)
                .containsExactly(
                        "a play uses the ExchangeDsc resource ExchExchangeServer on it (dsc.yml:3)",
                        "a play runs the Exchange cmdlet New-ReceiveConnector on it (connector.yml:1)");
        Server ex02 = result.model().servers().get(1);
        assertThat(ex02.spec().connectorsOrEmpty()).singleElement().satisfies(c -> {
            assertThat(c.name().value()).isEqualTo("Relay");
            assertThat(c.bindings()).extracting(b -> b.value()).containsExactly("0.0.0.0:2525");
            assertThat(c.remoteIPRanges()).extracting(r -> r.value()).containsExactly("10.0.0.5");
        });
    }

    @Test
    void windowsHostsWithoutAnExchangeServerAreAWarningAtTheInventory() throws IOException {
        write("inventory.ini", "[windows]\nws01\nws02\n[linux]\nweb01\n");
        write("site.yml", """
                - hosts: windows
                  tasks:
                    - win_regedit: {path: 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', name: SchUseStrongCrypto, data: 1, type: dword}
                """);

        CheckResult result = check();

        assertThat(result.serversChecked()).isZero();
        assertThat(findings(result, "EX0006"))
                .containsExactly("inventory.ini:1 no Exchange server was identified, "
                        + "so no rule about a server was checked: the inventory's groups are windows (2 hosts), linux (1 host);"
                        + " no play installs Exchange, runs its cmdlets or uses ExchangeDsc on its hosts, and no group is "
                        + "named exchange. Set ansibleServerGroup to the groups of the Exchange servers (a comma list), name "
                        + "the inventory with ansibleInventory, or declare the servers as native Server documents");
        assertThat(findings(check(List.of("windows"), List.of()), "EX0006")).isEmpty();
        assertThat(servers(check(List.of("windows", "linux"), List.of()))).containsExactly("ws01", "ws02", "web01");
    }

    @Test
    void aSetServerGroupMeansExactlyThoseGroups() throws IOException {
        write("hosts.ini", "[exchange]\nex01\n[mbx]\nex02\n[edge]\nedge01\n");
        write("site.yml", INSTALL.formatted("mbx:edge"));

        assertThat(servers(check())).containsExactly("ex01", "ex02", "edge01");
        assertThat(servers(check(List.of("edge"), List.of()))).containsExactly("edge01");
    }

    @Test
    void theVersionComesFromTheInstallMediaAndANativeGroupNamedAsTheAnsibleGroup() throws IOException {
        write("hosts.ini", "[mbx]\nex01\n");
        write("group_vars/mbx.yml", "exchange_iso: C:\\Install\\ExchangeServer2019-x64-CU14.ISO\n");
        write("site.yml", """
                - hosts: mbx
                  tasks:
                    - name: Mount the media
                      community.windows.win_disk_image:
                        image_path: "{{ exchange_iso }}"
                      register: media
                    - name: Install
                      win_package:
                        path: '{{ media.mount_paths[0] }}setup.exe'
                        arguments: /Mode:Install /Roles:Mailbox /IAcceptExchangeServerLicenseTerms_DiagnosticDataON
                """);
        write("exchange/mbx.yaml", """
                apiVersion: exchange-compliance/v1
                kind: ServerGroup
                metadata: {name: mbx}
                spec:
                  operatingSystem: WindowsServer2019
                """);

        CheckResult result = check();

        Server ex01 = result.model().servers().get(0);
        assertThat(ex01.spec().version().value()).isEqualTo("2019 CU14");
        assertThat(ex01.spec().version().location()).satisfies(at -> {
            assertThat(repo.relativize(at.file()).toString()).isEqualTo("group_vars/mbx.yml");
            assertThat(at.line()).isEqualTo(1);
        });
        assertThat(ex01.spec().operatingSystem().value()).isEqualTo("WindowsServer2019");
    }

    @Test
    void notesOnlyWhereARuleReadsTheValue() throws IOException {
        write("hosts.ini", "[exchange]\nex01\n");
        write("site.yml", """
                - hosts: exchange
                  tasks:
                    - name: A Linux task under a condition the plugin does not decide
                      apt: {name: nginx}
                      when: ansible_os_family == 'Debian' and ansible_distribution_major_version | int > 10
                    - name: A Defender value from a fact
                      win_regedit:
                        path: HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows Defender
                        name: DisableAntiSpyware
                        data: "{{ defender_setting }}"
                    - name: A TLS value from a fact
                      win_regedit:
                        path: HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server
                        name: Enabled
                        data: "{{ tls10 }}"
                        type: dword
                    - name: A connector whose ranges are a PowerShell variable
                      win_shell: |
                        $ranges = Get-Content C:\\relay.txt
                        Set-ReceiveConnector -Identity Relay -RemoteIPRanges $ranges
                """);

        CheckResult result = check();

        assertThat(result.findings().stream()
                        .filter(f -> f.rule().id().equals("EX0003"))
                        .map(Finding::location)
                        .map(l -> l.line()))
                .containsExactly(15, 18);
        assertThat(findings(result, "EX0003"))
                .last()
                .isEqualTo("site.yml:18 Set-ReceiveConnector uses the "
                        + "PowerShell variable $ranges, which the plugin does not evaluate; what it sets is unknown");
        assertThat(result.quietNotes()).isEqualTo(1);
    }
}
