package io.github.exchangecompliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.Catalog;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report files, read back as their consumers read them. */
class ReportsTest {

    private static final String SERVER = """
            apiVersion: exchange-compliance/v1
            kind: Server
            metadata: {name: EX01}
            spec:
              registry:
                HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319:
                  SchUseStrongCrypto: 0
                HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server:
                  Enabled: 1
            """;

    @TempDir
    Path repo;

    private CheckResult check(String text) throws IOException {
        Files.createDirectories(repo.resolve("infra"));
        Files.writeString(repo.resolve("infra/ex01.yaml"), text, StandardCharsets.UTF_8);
        return new Checker(CheckConfig.of(repo)).check();
    }

    @Test
    void junitReadsAsSurefireReadsIt() throws Exception {
        CheckResult result = check(SERVER);
        Path xml = repo.resolve("out/" + JunitReport.FILE_NAME);
        new JunitReport(Severity.ERROR).write(result, xml);

        List<ReportTestCase> cases = cases(xml);
        // EX1005 and EX1003 are errors; EX1008 is a warning, below failOnSeverity.
        List<ReportTestCase> failed =
                cases.stream().filter(ReportTestCase::hasFailure).toList();
        assertThat(failed).hasSize(2);
        // One case a finding, one passing case a rule that found nothing: nothing but what was checked.
        assertThat(cases).hasSize(result.rulesRun().size());
        assertThat(failed)
                .extracting(ReportTestCase::getName)
                .containsExactlyInAnyOrder("EX1003 at infra/ex01.yaml:7:27", "EX1005 at infra/ex01.yaml:5:3");
        // Jenkins splits the class name at its last dot: the rule, under the tool's package.
        assertThat(failed)
                .extracting(ReportTestCase::getFullClassName)
                .containsExactlyInAnyOrder(
                        "exchange-compliance.EX1003 dotnet-strong-crypto", "exchange-compliance.EX1005 tls-not-pinned");
        assertThat(failed)
                .extracting(ReportTestCase::getClassName)
                .containsExactlyInAnyOrder("EX1003 dotnet-strong-crypto", "EX1005 tls-not-pinned");
        assertThat(cases)
                .extracting(ReportTestCase::getName)
                .contains("EX1001 tls12-server: no finding in 1 file")
                .doesNotHaveDuplicates();
    }

    /** Every test case, whatever suite surefire's parser puts it in (it makes one a class name). */
    private static List<ReportTestCase> cases(Path xml) throws Exception {
        return new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(xml.toString()).stream()
                        .flatMap(suite -> suite.getTestCases().stream())
                        .toList();
    }

    @Test
    void junitShowsErrorsAsFailuresWhenTheBuildNeverFails() throws Exception {
        CheckResult result = check(SERVER);
        Path xml = repo.resolve(JunitReport.FILE_NAME);
        new JunitReport(Severity.OFF).write(result, xml);
        assertThat(cases(xml).stream().filter(ReportTestCase::hasFailure)).hasSize(2);
    }

    @Test
    void junitIsNeverAnEmptySuite() throws Exception {
        CheckResult result = new Checker(CheckConfig.of(repo)).check();
        Path xml = repo.resolve(JunitReport.FILE_NAME);
        new JunitReport(Severity.ERROR).write(result, xml);
        List<ReportTestCase> cases = cases(xml);
        assertThat(cases).hasSize(result.rulesRun().size());
        assertThat(cases)
                .extracting(ReportTestCase::getName)
                .contains("EX1003 dotnet-strong-crypto: no finding in 0 files");
        assertThat(cases).noneMatch(ReportTestCase::hasFailure);
    }

    @Test
    void jsonHasItsDocumentedShape() throws IOException {
        CheckResult result = check(SERVER);
        Path json = repo.resolve(JsonReport.FILE_NAME);
        new JsonReport("1.2.3").write(result, json);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.at("/tool/version").asText()).isEqualTo("1.2.3");
        assertThat(root.at("/summary/errors").asInt()).isEqualTo(2);
        assertThat(root.at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(root.at("/files/0").asText()).isEqualTo("infra/ex01.yaml");
        JsonNode first = root.at("/findings/0");
        assertThat(first.get("ruleId").asText()).isEqualTo("EX1005");
        assertThat(first.get("file").asText()).isEqualTo("infra/ex01.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(5);
        assertThat(first.get("column").asInt()).isEqualTo(3);
        assertThat(root.get("rules")).hasSize(Catalog.descriptors().size());
    }

    @Test
    void sarifFingerprintsSurviveUnrelatedLineMoves() throws IOException {
        CheckResult before = check(SERVER);
        CheckResult after = check("# a comment that moves every line down\n\n" + SERVER);
        SarifReport sarif = new SarifReport("1.0.0");
        JsonNode a = sarif.build(before, Catalog.descriptors());
        JsonNode b = sarif.build(after, Catalog.descriptors());
        for (int i = 0; i < 3; i++) {
            JsonNode x = a.at("/runs/0/results/" + i);
            JsonNode y = b.at("/runs/0/results/" + i);
            assertThat(y.at("/locations/0/physicalLocation/region/startLine").asInt())
                    .isEqualTo(x.at("/locations/0/physicalLocation/region/startLine")
                                    .asInt()
                            + 2);
            assertThat(y.get("partialFingerprints")).isEqualTo(x.get("partialFingerprints"));
        }
        assertThat(a.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("infra/ex01.yaml");
        assertThat(a.at("/runs/0/tool/driver/rules"))
                .hasSize(Catalog.descriptors().size());
        assertThat(a.at("/runs/0/invocations/0/executionSuccessful").asBoolean())
                .isTrue();
        assertThat(a.at("/runs/0/results/0/partialFingerprints/primaryLocationLineHash")
                        .asText())
                .isEqualTo(a.at("/runs/0/results/0/partialFingerprints/exchangeComplianceFinding~1v1")
                        .asText());
    }

    @Test
    void sarifRegionsRunFromTheColumnToTheEndOfTheLinesText() throws IOException {
        JsonNode sarif = new SarifReport("1.0.0").build(check(SERVER + "   \n"), Catalog.descriptors());
        // EX1005 at the TLS 1.0 key (line 5, column 3), whose text ends at its colon.
        JsonNode region = sarif.at("/runs/0/results/0/locations/0/physicalLocation/region");
        int keyEnd = SERVER.lines().toList().get(4).stripTrailing().length() + 1;
        assertThat(region.get("startLine").asInt()).isEqualTo(5);
        assertThat(region.get("startColumn").asInt()).isEqualTo(3);
        assertThat(region.get("endLine").asInt()).isEqualTo(5);
        assertThat(region.get("endColumn").asInt()).isEqualTo(keyEnd);
    }

    @Test
    void gitlabCodeQualityHasTheFieldsTheMergeRequestWidgetReads() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        // Two servers with the same mistake in one file: one rule says the same thing twice there.
        String twice = SERVER + "---\n" + SERVER.replace("EX01", "EX02");
        JsonNode issues = new GitlabReport().build(check(twice));
        assertThat(issues).hasSize(6);
        JsonNode first = issues.get(0);
        assertThat(first.get("check_name").asText()).isEqualTo("EX1005 tls-not-pinned");
        assertThat(first.get("description").asText()).startsWith("EX1005: ");
        // Leaving TLS unpinned lets Windows negotiate what Exchange cannot serve: a service down, GitLab's critical.
        assertThat(first.get("severity").asText()).isEqualTo("critical");
        assertThat(first.at("/location/path").asText()).isEqualTo("infra/ex01.yaml");
        assertThat(first.at("/location/lines/begin").asInt()).isEqualTo(5);
        assertThat(issues.findValuesAsText("severity")).containsOnly("critical", "minor");
        assertThat(issues.findValuesAsText("fingerprint"))
                .doesNotHaveDuplicates()
                .hasSize(6);
    }

    @Test
    void aFilesCountsAgreeWithTheSummaryWhenAFindingIsSuppressed() throws IOException {
        CheckResult result = check(SERVER.replace(
                "SchUseStrongCrypto: 0",
                "SchUseStrongCrypto: 0  # exchange-compliance:ignore EX1003 -- until the change window"));
        // One file: its line and the summary say the same.
        assertThat(ConsoleReport.counts(result.findings()))
                .isEqualTo(ConsoleReport.counts(result))
                .isEqualTo("1 error, 1 warning, 0 notes (1 suppressed)");
    }

    @Test
    void sarifUrisAreRelativeToTheRepositoryRootWhereverThePomLies() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path build = Files.createDirectories(repo.resolve("build"));
        Files.createDirectories(repo.resolve("infra"));
        Files.writeString(repo.resolve("infra/ex01.yaml"), SERVER, StandardCharsets.UTF_8);
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("ex02.yaml"), SERVER.replace("EX01", "EX02"), StandardCharsets.UTF_8);
        CheckConfig base = CheckConfig.of(build);
        CheckResult result = new Checker(new CheckConfig(
                        build,
                        List.of(repo.resolve("infra"), outside),
                        base.includes(),
                        base.excludes(),
                        base.limits(),
                        base.rules(),
                        base.context()))
                .check();

        JsonNode run =
                new SarifReport("1.0.0").build(result, Catalog.descriptors()).at("/runs/0");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
                .isEqualTo(repo.toUri().toString());
        List<String> uris = new java.util.ArrayList<>();
        run.get("results")
                .forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri")
                                .asText() + " "
                        + r.at("/locations/0/physicalLocation/artifactLocation/uriBaseId")
                                .asText("none")));
        assertThat(uris)
                .contains(
                        "infra/ex01.yaml %SRCROOT%",
                        outside.resolve("ex02.yaml").toUri() + " none");
    }

    @Test
    void sarifRulesCarryWhatCodeScanningRanksBy() throws IOException {
        JsonNode rules = new SarifReport("1.0.0")
                .build(check(SERVER), Catalog.descriptors())
                .at("/runs/0/tool/driver/rules");
        JsonNode strongCrypto =
                rules.get(Catalog.descriptors().indexOf(Catalog.find("EX1003").orElseThrow()));
        assertThat(strongCrypto.at("/properties/security-severity").asText()).isEqualTo("8.0");
        assertThat(strongCrypto.at("/properties/precision").asText()).isEqualTo("very-high");
        assertThat(strongCrypto.at("/properties/tags").toString()).isEqualTo("[\"security\",\"exchange\",\"tls\"]");
        assertThat(strongCrypto.at("/help/markdown").asText())
                .startsWith("**SchUseStrongCrypto")
                .endsWith("(https://exchangecompliance.github.io/exchange-compliance-maven-plugin/rules/EX1003.html)");
        JsonNode legacy =
                rules.get(Catalog.descriptors().indexOf(Catalog.find("EX1008").orElseThrow()));
        assertThat(legacy.at("/properties/security-severity").asText()).isEqualTo("4.0");
        JsonNode hcw =
                rules.get(Catalog.descriptors().indexOf(Catalog.find("EX3001").orElseThrow()));
        assertThat(hcw.at("/properties/precision").asText()).isEqualTo("high");
        assertThat(hcw.at("/properties/tags/2").asText()).isEqualTo("hybrid");
    }

    @Test
    void reportsAreDeterministic() throws IOException {
        CheckResult result = check(SERVER);
        new SarifReport("1.0.0").write(result, Catalog.descriptors(), repo.resolve("a.sarif"));
        new SarifReport("1.0.0").write(result, Catalog.descriptors(), repo.resolve("b.sarif"));
        assertThat(Files.readAllBytes(repo.resolve("a.sarif"))).isEqualTo(Files.readAllBytes(repo.resolve("b.sarif")));
    }

    @Test
    void htmlShowsTablesByRuleAndFile() throws IOException {
        CheckResult result = check(SERVER);
        Path html = repo.resolve(HtmlReport.FILE_NAME);
        new HtmlReport().write(result, html);
        String page = Files.readString(html);
        assertThat(page)
                .contains(
                        "<h2>Findings by rule</h2>",
                        "<h3>infra/ex01.yaml (EX01)</h3>",
                        "infra/ex01.yaml:7:27",
                        "EX1003 dotnet-strong-crypto",
                        "<table>");
        assertThat(repo.resolve("infra")).isDirectory();
        try (var files = Files.list(repo)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
