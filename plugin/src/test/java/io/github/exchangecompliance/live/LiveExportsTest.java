package io.github.exchangecompliance.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.live.LiveExports.LiveCertificate;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveExportsTest {

    @TempDir
    Path dir;

    private LiveExports read() throws IOException {
        Exports.write(dir);
        try (Stream<Path> files = Files.list(dir)) {
            LiveExports exports = LiveExports.read(files.sorted().toList());
            assertThat(exports.broken()).isEmpty();
            return exports;
        }
    }

    private static LiveServer server(LiveExports exports, String name) {
        return exports.servers().stream()
                .filter(s -> s.name.value().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> values(List<Value<String>> values) {
        return values.stream().map(Value::value).toList();
    }

    @Test
    void serversComeFromGetExchangeServerWithTheirBuildRolesAndProxies() throws IOException {
        LiveExports exports = read();

        assertThat(exports.servers()).extracting(s -> s.name.value()).containsExactly("EDGE01", "EX01", "EX02");
        LiveServer ex01 = server(exports, "EX01");
        assertThat(ex01.version.value()).isEqualTo("15.2.1544.4");
        assertThat(ex01.version.location().file()).isEqualTo(dir.resolve("a.xml"));
        assertThat(ex01.version.location().line()).isEqualTo(8);
        assertThat(values(ex01.roles)).containsExactly("Mailbox");
        assertThat(ex01.fqdn.value()).isEqualTo("ex01.contoso.com");
        assertThat(ex01.internetWebProxy).as("Nil: no proxy").isNull();
        assertThat(ex01.mitigationsEnabled.value()).isTrue();
        assertThat(ex01.operatingSystem.value()).isEqualTo("WindowsServer2019");
        assertThat(ex01.winHttpProxy.value())
                .as("the PSComputerName ex01.contoso.com is EX01")
                .isEqualTo("direct");
        LiveServer ex02 = server(exports, "EX02");
        assertThat(ex02.version.value()).isEqualTo("15.2.2562.17");
        assertThat(ex02.internetWebProxy.value()).isEqualTo("http://proxy.contoso.com:8080/");
        assertThat(ex02.winHttpProxy.value()).isEqualTo("proxy.contoso.com:8080");
        assertThat(ex02.operatingSystem.value()).isEqualTo("WindowsServer2022");
        assertThat(values(ex02.roles)).as("a Ref to EX01's ServerRole").containsExactly("Mailbox");
        assertThat(values(server(exports, "EDGE01").roles)).containsExactly("Edge");
    }

    @Test
    void receiveConnectorsBelongToTheServerTheirIdentityOrServerNames() throws IOException {
        LiveExports exports = read();

        List<ReceiveConnector> ex01 = server(exports, "EX01").receiveConnectors;
        assertThat(ex01).hasSize(1);
        ReceiveConnector frontend = ex01.get(0);
        assertThat(frontend.name().value()).isEqualTo("Default Frontend EX01");
        assertThat(frontend.transportRole().value()).isEqualTo("FrontendTransport");
        assertThat(values(frontend.bindings())).containsExactly("[::]:25", "0.0.0.0:25");
        assertThat(values(frontend.remoteIPRanges()))
                .containsExactly("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255");
        assertThat(frontend.tlsCertificateName().value()).isEqualTo("<I>" + TestPki.ISSUING + "<S>" + Exports.SUBJECT);
        assertThat(values(frontend.tlsDomainCapabilities()))
                .containsExactly("mail.protection.outlook.com:AcceptCloudServicesMail");
        ReceiveConnector ex02 = server(exports, "EX02").receiveConnectors.get(0);
        assertThat(ex02.tlsCertificateName()).as("Nil").isNull();
        assertThat(ex02.tlsDomainCapabilities()).as("an empty list").isEmpty();
    }

    @Test
    void theOrganizationHybridAndSendConnectorsAreRead() throws IOException {
        LiveExports exports = read();

        assertThat(exports.organizationName().orElseThrow().value()).isEqualTo("Contoso");
        assertThat(exports.organizationMitigations().orElseThrow().value()).isTrue();
        LiveExports.LiveHybrid hybrid = exports.hybrid().orElseThrow();
        assertThat(values(hybrid.transportServers())).containsExactly("EX01", "EX09");
        assertThat(values(exports.hybridServersListed()))
                .as("EX09 is in no export of Get-ExchangeServer")
                .containsExactly("EX01");
        assertThat(hybrid.tlsCertificateName().value()).isEqualTo("<I>" + TestPki.ISSUING + "<S>" + Exports.SUBJECT);
        SendConnector send = exports.sendConnectors().get(0);
        assertThat(send.name().value()).isEqualTo("Outbound to Office 365 - 6f1c8a2e");
        assertThat(values(send.addressSpaces())).containsExactly("SMTP:contoso.mail.onmicrosoft.com;1");
        assertThat(send.smartHosts()).isEmpty();
        assertThat(values(send.sourceTransportServers())).containsExactly("EX01");
        assertThat(send.tlsAuthLevel().value()).isEqualTo("DomainValidation");
        assertThat(send.tlsDomain().value()).isEqualTo("mail.protection.outlook.com");
        assertThat(send.cloudServicesMailEnabled().value()).isTrue();
        assertThat(send.requireTls().value()).isTrue();
    }

    @Test
    void aCertificateComesWithItsChainFromTheCaStoreAndNoKey() throws IOException {
        LiveExports exports = read();

        assertThat(exports.certificates()).hasSize(1);
        LiveCertificate certificate = exports.certificates().get(0);
        assertThat(certificate.thumbprint()).isEqualTo(Exports.thumbprint());
        assertThat(certificate.server()).as("its Identity names the FQDN").isEqualTo("EX01");
        assertThat(certificate.services()).containsExactly("IIS", "SMTP");
        assertThat(certificate.pem().split("-----BEGIN CERTIFICATE-----", -1))
                .as("the leaf, the issuing CA and the root")
                .hasSize(4);
        assertThat(certificate.pem()).doesNotContain("PRIVATE");
        assertThat(server(exports, "EX01").certificates).containsExactly(Exports.thumbprint());
    }

    @Test
    void aCertificateThroughRemotingIsKnownByItsRawDataAndPsComputerName() throws IOException {
        // Remoting brings an Exchange certificate back with RawData in its properties and little else.
        Path file = dir.resolve("certificates.xml");
        Files.writeString(
                file,
                Exports.HEAD
                        + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate</T><T>System.Security.Cryptography.X509Certificates.X509Certificate2</T></TN>
                    <Props><BA N="RawData">%s</BA></Props>
                    <MS><S N="PSComputerName">ex04.contoso.com</S></MS>
                  </Obj>
                </Objs>
                """.formatted(java.util.Base64.getEncoder()
                                .encodeToString(Exports.chain().get(0))),
                StandardCharsets.UTF_8);

        LiveExports exports = LiveExports.read(List.of(file));

        LiveCertificate certificate = exports.certificates().get(0);
        assertThat(certificate.thumbprint()).isEqualTo(Exports.thumbprint());
        assertThat(certificate.subject()).isEqualTo(Exports.SUBJECT);
        assertThat(certificate.issuer()).isEqualTo(TestPki.ISSUING);
        assertThat(certificate.server()).isEqualTo("ex04");
        assertThat(certificate.services()).isEmpty();
    }

    @Test
    void tlsAndDotnetValuesBecomeRegistryValuesAndNilOnesAreLeftOut() throws IOException {
        LiveExports exports = read();

        var registry = server(exports, "EX01").registry;
        RegistryPath tls10Client = RegistryPath.parse(
                        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client")
                .orElseThrow();
        var client = registry.key(tls10Client).orElseThrow();
        assertThat(client.value("Enabled").orElseThrow().text())
                .as("-1 as a DWORD")
                .isEqualTo("0xffffffff");
        assertThat(client.value("DisabledByDefault")).as("Nil: not set").isEmpty();
        var net = registry.key(RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319")
                        .orElseThrow())
                .orElseThrow();
        assertThat(net.value("SchUseStrongCrypto").orElseThrow().text()).isEqualTo("1");
        var wow = registry.key(RegistryPath.parse("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319")
                        .orElseThrow())
                .orElseThrow();
        assertThat(wow.value("SchUseStrongCrypto")).isEmpty();
        var ex02 = server(exports, "EX02")
                .registry
                .value(
                        RegistryPath.parse("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319")
                                .orElseThrow(),
                        "SchUseStrongCrypto");
        assertThat(ex02.orElseThrow().text()).as("by its PSComputerName").isEqualTo("1");
        assertThat(server(exports, "EDGE01").registry.keys()).isEmpty();
    }

    @Test
    void knownObjectsAreFoundInsideAnObjectThatHoldsThemWithTheServerItIsAbout() throws IOException {
        // The shape of a data file that keeps each server's collected objects under one object for the server.
        Path file = dir.resolve("collected.xml");
        Files.writeString(file, Exports.HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>
                    <MS>
                      <S N="ServerName">EX05</S>
                      <Obj N="ExchangeInformation" RefId="1">
                        <TNRef RefId="0" />
                        <MS>
                          <Obj N="GetExchangeServer" RefId="2">
                            <TN RefId="1"><T>Deserialized.Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T></TN>
                            <Props><S N="Name">EX05</S><S N="AdminDisplayVersion">Version 15.1 (Build 2507.6)</S></Props>
                          </Obj>
                        </MS>
                      </Obj>
                      <Obj N="OSInformation" RefId="3">
                        <TNRef RefId="0" />
                        <MS>
                          <Obj N="TLSSettings" RefId="4">
                            <TNRef RefId="0" />
                            <MS>
                              <Obj N="Registry" RefId="5">
                                <TNRef RefId="0" />
                                <MS>
                                  <Obj N="TLS" RefId="6">
                                    <TN RefId="2"><T>System.Collections.Hashtable</T></TN>
                                    <DCT><En><S N="Key">1.2</S><Obj N="Value" RefId="7"><TNRef RefId="0" /><MS><I32 N="ServerEnabledValue">1</I32></MS></Obj></En></DCT>
                                  </Obj>
                                </MS>
                              </Obj>
                            </MS>
                          </Obj>
                        </MS>
                      </Obj>
                    </MS>
                  </Obj>
                </Objs>
                """, StandardCharsets.UTF_8);

        LiveExports exports = LiveExports.read(List.of(file));

        LiveServer ex05 = server(exports, "EX05");
        assertThat(ex05.listed).isTrue();
        assertThat(ex05.version.value()).isEqualTo("15.1.2507.6");
        assertThat(ex05.registry
                        .value(
                                RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                                                + "\\SCHANNEL\\Protocols\\TLS 1.2\\Server")
                                        .orElseThrow(),
                                "Enabled")
                        .orElseThrow()
                        .text())
                .isEqualTo("1");
        assertThat(exports.unmapped()).isEmpty();
    }

    @Test
    void getItemPropertyThroughInvokeCommandGivesTheKeysDwordsOfTheServer() throws IOException {
        Path file = dir.resolve("tls-registry.xml");
        Files.writeString(file, Exports.HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Deserialized.System.Management.Automation.PSCustomObject</T><T>Deserialized.System.Object</T></TN>
                    <MS>
                      <I32 N="Enabled">-1</I32>
                      <I32 N="DisabledByDefault">0</I32>
                      <S N="PSPath">Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server</S>
                      <S N="PSChildName">Server</S>
                      <S N="PSComputerName">ex03.contoso.com</S>
                      <G N="RunspaceId">1f0e6bd4-7c39-4a8e-8a7e-5b0c0b3b8a51</G>
                    </MS>
                  </Obj>
                </Objs>
                """, StandardCharsets.UTF_8);

        LiveExports exports = LiveExports.read(List.of(file));

        assertThat(exports.broken()).isEmpty();
        var key = server(exports, "ex03")
                .registry
                .key(RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                                + "\\Protocols\\TLS 1.2\\Server")
                        .orElseThrow())
                .orElseThrow();
        assertThat(key.values())
                .extracting(v -> v.name() + "=" + v.text())
                .containsExactlyInAnyOrder("Enabled=0xffffffff", "DisabledByDefault=0");
        assertThat(exports.unmapped()).isEmpty();
    }

    private static final String ONE_SERVER = Exports.HEAD + """
              <Obj RefId="0">
                <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T></TN>
                <Props><S N="Name">EX07</S></Props>
              </Obj>
            </Objs>
            """;

    /** TLS settings as HealthChecker collects them on the server it runs on: no server name in them. */
    private static final String NAMELESS_TLS = Exports.HEAD + """
              <Obj RefId="0">
                <TN RefId="0"><T>System.Management.Automation.PSCustomObject</T></TN>
                <MS>
                  <Obj N="Registry" RefId="1">
                    <TNRef RefId="0" />
                    <MS>
                      <Obj N="TLS" RefId="2">
                        <TN RefId="1"><T>System.Collections.Hashtable</T></TN>
                        <DCT><En><S N="Key">1.1</S><Obj N="Value" RefId="3"><TNRef RefId="0" /><MS><I32 N="ClientEnabledValue">0</I32></MS></Obj></En></DCT>
                      </Obj>
                    </MS>
                  </Obj>
                </MS>
              </Obj>
            </Objs>
            """;

    @Test
    void settingsThatNameNoServerAreTheOneListedServersAndWithSeveralNoOnes() throws IOException {
        Path tls = dir.resolve("GetAllTlsSettings.xml");
        Files.writeString(tls, NAMELESS_TLS, StandardCharsets.UTF_8);
        Path one = dir.resolve("GetExchangeServer.xml");
        Files.writeString(one, ONE_SERVER, StandardCharsets.UTF_8);

        LiveExports single = LiveExports.read(List.of(tls, one));
        assertThat(server(single, "EX07")
                        .registry
                        .value(
                                RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                                                + "\\SCHANNEL\\Protocols\\TLS 1.1\\Client")
                                        .orElseThrow(),
                                "Enabled"))
                .isPresent();

        Path two = dir.resolve("more.xml");
        Files.writeString(two, ONE_SERVER.replace("EX07", "EX08"), StandardCharsets.UTF_8);
        LiveExports several = LiveExports.read(List.of(tls, one, two));
        assertThat(several.servers()).allMatch(s -> s.registry.isEmpty());
        assertThat(several.unmapped())
                .isEqualTo(
                        Map.of("server settings that name no server (PSComputerName), among exports of 2 servers", 1));
    }

    @Test
    void whatNoMappingKnowsIsCountedByType() throws IOException {
        assertThat(read().unmapped()).isEqualTo(Map.of("System.ServiceProcess.ServiceController", 1));
    }

    @Test
    void aBrokenExportIsReportedAtItsLineAndTheOthersStillRead() throws IOException {
        Exports.write(dir);
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, Exports.HEAD + "  <Obj RefId=\"0\">\n    <Props>\n", StandardCharsets.UTF_8);

        LiveExports exports = LiveExports.read(List.of(broken, dir.resolve("a.xml")));

        assertThat(exports.broken()).hasSize(1);
        assertThat(exports.broken().get(0).file()).isEqualTo(broken);
        assertThat(exports.broken().get(0).line()).isEqualTo(4);
        assertThat(exports.servers()).hasSize(3);
    }
}
