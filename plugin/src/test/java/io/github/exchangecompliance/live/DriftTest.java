package io.github.exchangecompliance.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
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

/** The check with exports: none right after an import, each change of the servers once after. */
class DriftTest {

    @TempDir
    Path dir;

    private Path exports() throws IOException {
        Path exports = dir.resolve("exports");
        Exports.write(exports);
        return exports;
    }

    private void importInto(Path exports) throws IOException {
        try (Stream<Path> files = Files.list(exports)) {
            for (Map.Entry<String, String> file : ImportWriter.files(
                            LiveExports.read(files.sorted().toList()))
                    .entrySet()) {
                Path target = dir.resolve("exchange").resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    private List<String> drift(Path exports) throws IOException {
        CheckConfig config = CheckConfig.of(dir)
                .withContext(new RuleContext(TestPki.REFERENCE_DATE, 30))
                .withExports(List.of(exports));
        CheckResult result = new Checker(config).check();
        return result.findings().stream()
                .filter(f -> f.rule().id().equals("EX0008") || f.rule().id().equals("EX0001"))
                .map(f -> dir.relativize(f.location().file()) + ":"
                        + f.location().line() + " " + f.rule().id() + " " + f.message())
                .toList();
    }

    @Test
    void rightAfterTheImportTheServersAreWhatTheRepositoryDeclares() throws IOException {
        Path exports = exports();
        importInto(exports);

        assertThat(drift(exports)).isEmpty();
    }

    @Test
    void theSummarySaysWhatWasComparedSoANoDriftPassIsNeverSilent() throws IOException {
        Path exports = exports();
        importInto(exports);
        CheckConfig config = CheckConfig.of(dir)
                .withContext(new RuleContext(TestPki.REFERENCE_DATE, 30))
                .withExports(List.of(exports));

        assertThat(io.github.exchangecompliance.report.ConsoleReport.summary(new Checker(config).check()))
                .contains("; compared the exports of 3 servers (6 files): no drift");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(io.github.exchangecompliance.report.ConsoleReport.summary(
                        new Checker(config.withExports(List.of(empty))).check()))
                .contains("; compared nothing with the exports (EX0008)");
    }

    @Test
    void eachChangeOnTheServersIsOneFindingAtTheDeclaringLine() throws IOException {
        Path exports = exports();
        importInto(exports);
        // EX02 was given another proxy, and TLS 1.0 Client was turned off on EX01.
        Path servers = exports.resolve("a.xml");
        Files.writeString(
                servers,
                Files.readString(servers).replace("http://proxy.contoso.com:8080/", "http://proxy2.contoso.com:3128/"));
        Path tls = exports.resolve("e.xml");
        Files.writeString(
                tls,
                Files.readString(tls)
                        .replace(
                                "<I32 N=\"ClientEnabledValue\">-1</I32><Nil N=\"ClientDisabledByDefaultValue\" />",
                                "<I32 N=\"ClientEnabledValue\">0</I32><Nil N=\"ClientDisabledByDefaultValue\" />"));

        assertThat(drift(exports))
                .containsExactly(
                        "exchange/servers/ex01.yaml:16 EX0008 EX01: HKLM\\SYSTEM\\CurrentControlSet\\Control"
                                + "\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client Enabled is '0' in the "
                                + "exports (exports/e.xml:13) but the repository declares '0xffffffff'",
                        "exchange/servers/ex02.yaml:11 EX0008 EX02: internetWebProxy is "
                                + "'http://proxy2.contoso.com:3128/' in the exports (exports/a.xml:24) but the "
                                + "repository declares 'http://proxy.contoso.com:8080/'");
    }

    @Test
    void aCertificateReplacedOnTheServerIsOnOneSideOnlyOfEach() throws Exception {
        Path exports = exports();
        importInto(exports);
        // The server now holds another certificate: its RawData is what says so, whatever the other columns say.
        Path pem = TestPki.directory().resolve("certs/wildcard.pem");
        byte[] other = java.util.Base64.getMimeDecoder()
                .decode(Files.readString(pem)
                        .replaceAll("-----(BEGIN|END) CERTIFICATE-----", "")
                        .strip());
        var replaced = io.github.exchangecompliance.cert.CertificateFiles.describe(
                other, io.github.exchangecompliance.model.Location.startOf(pem));
        Path certificates = exports.resolve("d.xml");
        Files.writeString(
                certificates,
                Files.readString(certificates)
                        .replace(
                                java.util.Base64.getEncoder()
                                        .encodeToString(Exports.chain().get(0)),
                                java.util.Base64.getEncoder().encodeToString(other)));

        assertThat(drift(exports))
                .containsExactlyInAnyOrder(
                        "exchange/organization.yaml:2 EX0008 EX01 holds the certificate " + replaced.subject()
                                + " (thumbprint " + replaced.thumbprint() + ", exports/d.xml:2) that no "
                                + "Certificate document of the repository holds",
                        "exchange/certificates/mail-contoso-com.yaml:2 EX0008 the certificate 'mail-contoso-com' ("
                                + Exports.SUBJECT + ", thumbprint " + Exports.thumbprint() + ") is in no server's "
                                + "export of Get-ExchangeCertificate (exports/d.xml)");
    }

    @Test
    void aFolderWithoutExportsIsSaidAndABrokenExportIsEx0001AtItsLine() throws IOException {
        Path empty = dir.resolve("notes");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("README.txt"), "exports go here\n");
        assertThat(drift(empty))
                .containsExactly("notes:1 EX0008 the exports hold no Export-Clixml file, so nothing was compared "
                        + "with the servers");

        Files.writeString(empty.resolve("servers.xml"), Exports.HEAD + "  <Obj RefId=\"0\">\n");
        assertThat(drift(empty))
                .containsExactlyInAnyOrder(
                        "notes/servers.xml:3 EX0001 the export is not well-formed XML: XML document structures must "
                                + "start and end within the same entity.",
                        "notes:1 EX0008 the exports hold no Exchange server, connector, certificate or TLS settings, "
                                + "so nothing was compared with the servers");
    }
}
