package io.github.exchangecompliance.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.engine.RuleSettings;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.testing.NativeSchema;
import io.github.exchangecompliance.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the import writes: the files a careful colleague would have written (compared with {@code
 * src/test/resources/live/imported}, regenerated with {@code -Dimported.update=true}), that the JSON Schema
 * accepts and that {@code check} reads back to what the exports say.
 */
class ImportWriterTest {

    private static final Path EXPECTED = Path.of("src/test/resources/live/imported");

    @TempDir
    Path dir;

    private LiveExports exports() throws IOException {
        Exports.write(dir.resolve("exports"));
        try (Stream<Path> files = Files.list(dir.resolve("exports"))) {
            return LiveExports.read(files.sorted().toList());
        }
    }

    private Path imported() throws IOException {
        Path out = dir.resolve("exchange");
        for (Map.Entry<String, String> file : ImportWriter.files(exports()).entrySet()) {
            Path target = out.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        return out;
    }

    @Test
    void theFilesReadLikeARepositoryAPersonWrote() throws IOException {
        Map<String, String> files = new TreeMap<>(ImportWriter.files(exports()));
        files.keySet().removeIf(f -> f.endsWith(".pem"));
        // The test PKI is made afresh each run: its thumbprint is not the same twice.
        String thumbprint = Exports.thumbprint();
        files.replaceAll((name, text) -> text.replace(thumbprint, "<thumbprint>"));
        if (Boolean.getBoolean("imported.update")) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = EXPECTED.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(EXPECTED)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                expected.put(EXPECTED.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        assertThat(files).isEqualTo(expected);
    }

    @Test
    void namesFromTheExportsNeverBecomePathsAndAnyTextReadsBackAsItWas() throws IOException {
        Path file = dir.resolve("hostile.xml");
        Files.writeString(file, Exports.HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T></TN>
                    <Props><S N="Name">../../etc/cron.d/x</S><S N="Fqdn">a: b # c_x000A_d 'e' "f"</S></Props>
                  </Obj>
                  <Obj RefId="1">
                    <TNRef RefId="0" />
                    <Props><S N="Name">..</S></Props>
                  </Obj>
                </Objs>
                """, StandardCharsets.UTF_8);

        Map<String, String> files = ImportWriter.files(LiveExports.read(List.of(file)));

        assertThat(files.keySet())
                .containsExactly("organization.yaml", "servers/server.yaml", "servers/etc-cron.d-x.yaml");
        String written = files.get("servers/etc-cron.d-x.yaml");
        var read = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(written);
        assertThat(read.at("/metadata/name").asText()).isEqualTo("../../etc/cron.d/x");
        assertThat(read.at("/spec/fqdn").asText()).isEqualTo("a: b # c\nd 'e' \"f\"");
    }

    @Test
    void aHybridConfigurationOfServersNotExportedIsACommentNotAnEmptyHybridBlock() throws IOException {
        Path file = dir.resolve("hybrid.xml");
        Files.writeString(file, Exports.HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T></TN>
                    <Props><S N="Name">EX01</S></Props>
                  </Obj>
                  <Obj RefId="1">
                    <TN RefId="1"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.HybridConfiguration</T></TN>
                    <Props><Obj N="ReceivingTransportServers" RefId="2"><TN RefId="2"><T>x</T></TN><LST><S>ex-02</S></LST></Obj></Props>
                  </Obj>
                </Objs>
                """, StandardCharsets.UTF_8);

        String organization =
                ImportWriter.files(LiveExports.read(List.of(file))).get("organization.yaml");

        assertThat(organization).endsWith("""
                        spec: {}
                          # hybrid: Get-HybridConfiguration names no transport server the exports list (ex-02):
                          #   export Get-ExchangeServer of those servers and import again.
                        """);
        Path written = Files.writeString(dir.resolve("organization.yaml"), organization);
        assertThat(ImportWriter.files(LiveExports.read(List.of(file))).keySet())
                .as("ex-02 is only named by the hybrid configuration: it is no server of the exports")
                .containsExactly("organization.yaml", "servers/ex01.yaml");
        assertThat(NativeSchema.problems(written)).isEmpty();
    }

    @Test
    void aServerOnlyAConnectorNamesIsWrittenWithWhyItIsThin() throws IOException {
        Path file = dir.resolve("connectors.xml");
        Files.writeString(file, Exports.HEAD + """
                  <Obj RefId="0">
                    <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T></TN>
                    <Props><S N="Name">EX01</S></Props>
                  </Obj>
                  <Obj RefId="1">
                    <TN RefId="1"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector</T></TN>
                    <ToString>WIN-X\\Default WIN-X</ToString>
                    <Props><S N="Name">Default WIN-X</S><S N="Identity">WIN-X\\Default WIN-X</S></Props>
                  </Obj>
                </Objs>
                """, StandardCharsets.UTF_8);

        assertThat(ImportWriter.files(LiveExports.read(List.of(file))).get("servers/win-x.yaml"))
                .startsWith("# No export of Get-ExchangeServer lists this server: only what the other exports say of "
                        + "it.\napiVersion: exchange-compliance/v1\nkind: Server\nmetadata:\n  name: WIN-X\n");
    }

    @Test
    void theImportSaysWhatItCouldNotMap() throws IOException {
        Path exports = dir.resolve("exports");
        Exports.write(exports);
        Files.delete(exports.resolve("d.xml"));
        LiveExports live;
        try (Stream<Path> files = Files.list(exports)) {
            live = LiveExports.read(files.sorted().toList());
        }

        List<String> lines = ImportSummary.lines(live, ImportWriter.files(live).keySet(), Path.of("exchange"));

        assertThat(lines)
                .contains(
                        "Exchange compliance: imported 3 servers (EDGE01, EX01, EX02), 1 send connector and 0 Exchange "
                                + "certificates: 5 files in exchange",
                        "Exchange compliance: the hybrid configuration names the certificate <I>" + TestPki.ISSUING
                                + "<S>" + Exports.SUBJECT + ", which no exported Exchange certificate is; export "
                                + "Get-ExchangeCertificate of the hybrid servers and import again, or add the "
                                + "certificate to organization.yaml",
                        "Exchange compliance: EDGE01: the exports hold no operating system, no WinHTTP proxy; its file "
                                + "declares none of that",
                        "Exchange compliance: the hybrid configuration names the transport server EX09, which no "
                                + "export of Get-ExchangeServer lists: it is not among hybrid.mailFlowServers; export "
                                + "that server too and import again");
        assertThat(ImportSummary.unmapped(live))
                .containsExactly(
                        "Exchange compliance: not mapped: 1 object of System.ServiceProcess.ServiceController");
    }

    @Test
    void manyKindsOfUnmappedObjectsAndOtherFilesAreSaidInAFewLines() throws IOException {
        StringBuilder objects = new StringBuilder(Exports.HEAD);
        for (int type = 1; type <= 22; type++) {
            for (int n = 0; n < (type == 7 ? 3 : 1); n++) {
                objects.append("<Obj><TN RefId=\"t")
                        .append(type)
                        .append(n)
                        .append("\"><T>Vendor.Type")
                        .append(type < 10 ? "0" : "")
                        .append(type)
                        .append("</T></TN><Props /></Obj>\n");
            }
        }
        Path file = Files.writeString(
                dir.resolve("all.xml"), objects.append("</Objs>\n").toString());

        List<String> lines = ImportSummary.unmapped(LiveExports.read(List.of(file)));

        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).isEqualTo("Exchange compliance: not mapped: 3 objects of Vendor.Type07");
        assertThat(lines.get(1)).isEqualTo("Exchange compliance: not mapped: 1 object of Vendor.Type01");
        assertThat(lines.get(20)).isEqualTo("Exchange compliance: not mapped: 2 objects of 2 other types");
        assertThat(ImportSummary.notExports(List.of(Path.of("a.config"), Path.of("b.txt"), Path.of("c"), Path.of("d"))))
                .containsExactly("Exchange compliance: 4 files that are not Export-Clixml left out: a.config, b.txt, c "
                        + "and 1 more");
    }

    @Test
    void everyWrittenDocumentPassesTheJsonSchema() throws IOException {
        Path out = imported();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                problems.addAll(NativeSchema.problems(f));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void checkReadsTheImportBackToWhatTheExportsSay() throws IOException {
        LiveExports exports = exports();
        Path out = imported();
        CheckConfig config = CheckConfig.of(out)
                .withRules(RuleSettings.defaults())
                .withContext(new RuleContext(TestPki.REFERENCE_DATE, 30));
        CheckResult result = new Checker(config).check();

        assertThat(result.findings())
                .as("the loader reads every file")
                .noneMatch(f -> f.rule().id().startsWith("EX000"));
        assertThat(result.model().servers()).hasSameSizeAs(exports.servers());
        for (LiveServer live : exports.servers()) {
            Server read = result.model().servers().stream()
                    .filter(s -> s.displayName().equals(live.name.value()))
                    .findFirst()
                    .orElseThrow();
            assertThat(text(read.spec().version())).isEqualTo(text(live.version));
            assertThat(text(read.spec().fqdn())).isEqualTo(text(live.fqdn));
            assertThat(text(read.spec().operatingSystem())).isEqualTo(text(live.operatingSystem));
            assertThat(text(read.spec().internetWebProxy())).isEqualTo(text(live.internetWebProxy));
            assertThat(text(read.spec().winHttpProxy())).isEqualTo(text(live.winHttpProxy));
            assertThat(texts(read.spec().rolesOrEmpty())).isEqualTo(texts(live.roles));
            assertThat(registry(read.spec().registry().keys())).isEqualTo(registry(live.registry.keys()));
            assertThat(connectors(read.spec().connectorsOrEmpty())).isEqualTo(connectors(live.receiveConnectors));
            assertThat(read.spec().certificatesOrEmpty()).hasSize(live.certificates.size());
        }
        Organization organization = result.model().organization().orElseThrow();
        assertThat(organization.name().value()).isEqualTo("Contoso");
        assertThat(organization.environment().value()).isEqualTo("Global");
        assertThat(organization.mitigationsEnabled().value()).isTrue();
        assertThat(texts(organization.hybrid().mailFlowServers())).containsExactly("EX01");
        assertThat(organization.hybrid().certificate().value()).isEqualTo("mail-contoso-com");
        assertThat(sendConnectors(organization.sendConnectors())).isEqualTo(sendConnectors(exports.sendConnectors()));
        assertThat(result.model().chains().get("mail-contoso-com").chain())
                .as("the leaf and its issuers")
                .hasSize(3);
    }

    private static String text(Value<String> value) {
        return value == null ? null : value.value();
    }

    private static List<String> texts(List<Value<String>> values) {
        return values == null ? List.of() : values.stream().map(Value::value).toList();
    }

    private static Map<String, String> registry(Iterable<RegistryKey> keys) {
        Map<String, String> values = new TreeMap<>();
        for (RegistryKey key : keys) {
            for (RegistryValue value : key.values()) {
                values.put(key.path().text() + "\\" + value.name(), value.text());
            }
        }
        return values;
    }

    private static List<String> connectors(List<ReceiveConnector> connectors) {
        return connectors.stream()
                .map(c -> String.join(
                        " | ",
                        c.name().value(),
                        String.valueOf(text(c.transportRole())),
                        texts(c.bindings()).toString(),
                        texts(c.remoteIPRanges()).toString(),
                        String.valueOf(text(c.tlsCertificateName())),
                        texts(c.tlsDomainCapabilities()).toString(),
                        String.valueOf(text(c.fqdn()))))
                .toList();
    }

    private static List<String> sendConnectors(List<SendConnector> connectors) {
        return connectors.stream()
                .map(c -> String.join(
                        " | ",
                        c.name().value(),
                        texts(c.addressSpaces()).toString(),
                        texts(c.smartHosts()).toString(),
                        texts(c.sourceTransportServers()).toString(),
                        String.valueOf(text(c.tlsAuthLevel())),
                        String.valueOf(text(c.tlsDomain())),
                        String.valueOf(text(c.tlsCertificateName())),
                        String.valueOf(c.cloudServicesMailEnabled().value()),
                        String.valueOf(c.requireTls().value())))
                .toList();
    }
}
