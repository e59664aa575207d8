package io.github.exchangecompliance.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsAndBaselineTest {

    private static final String SERVER = """
            apiVersion: exchange-compliance/v1
            kind: Server
            metadata: {name: EX01}
            spec:
              registry:
                HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319:
                  SchUseStrongCrypto: 0
            """;

    @TempDir
    Path repo;

    private CheckResult check(CheckConfig config) throws IOException {
        return new Checker(config).check();
    }

    private List<String> failing(CheckResult result) {
        return result.findings().stream()
                .filter(f -> !f.suppressed() && f.severity() == Severity.ERROR)
                .map(f -> f.rule().id() + "@" + result.relativePath(f) + ":"
                        + f.location().line())
                .toList();
    }

    @Test
    void anAnsibleTaskIsSuppressedWholeFromTheLineAboveIt() throws IOException {
        Files.writeString(repo.resolve("tasks.yml"), """
                # exchange-compliance:ignore EX1003 -- the appliance of change 4711 needs it
                - name: weak crypto for the appliance
                  win_regedit:
                    path: HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319
                    name: SchUseStrongCrypto
                    data: 0
                    type: dword
                - name: and again, not suppressed
                  win_regedit:
                    path: HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319
                    name: SchUseStrongCrypto
                    data: 0
                    type: dword
                """, StandardCharsets.UTF_8);
        CheckResult result = check(CheckConfig.of(repo));
        assertThat(result.findings())
                .filteredOn(f -> f.rule().id().equals("EX1003"))
                .extracting(f -> f.location().line() + " " + f.suppressed())
                .containsExactly("6 true", "12 false");
        Finding suppressed = result.findings().stream()
                .filter(Finding::suppressed)
                .findFirst()
                .orElseThrow();
        assertThat(suppressed.suppression().justification()).isEqualTo("the appliance of change 4711 needs it");
        assertThat(result.suppressedCount()).isEqualTo(1);
    }

    @Test
    void ciCanIgnoreInlineSuppressions() throws IOException {
        Files.writeString(
                repo.resolve("ex01.yaml"),
                SERVER.replace(
                        "SchUseStrongCrypto: 0",
                        "SchUseStrongCrypto: 0  # exchange-compliance:ignore EX1003 -- approved by the change itself"));
        CheckConfig base = CheckConfig.of(repo);
        assertThat(failing(check(base))).noneMatch(f -> f.startsWith("EX1003"));
        CheckConfig strict = new CheckConfig(
                repo,
                List.of(repo),
                base.includes(),
                base.excludes(),
                base.limits(),
                base.rules(),
                base.context(),
                List.of(),
                List.of(),
                true,
                null);
        assertThat(failing(check(strict))).contains("EX1003@ex01.yaml:7");
    }

    @Test
    void theBaselineSurvivesMovedLinesAndReportsWhatNoLongerOccurs() throws IOException {
        Path baseline = repo.resolve("baseline").resolve(Baseline.FILE_NAME);
        Files.createDirectories(repo.resolve("infra"));
        Files.writeString(repo.resolve("infra/ex01.yaml"), SERVER);
        Files.writeString(repo.resolve("infra/ex02.yaml"), SERVER.replace("EX01", "EX02"));
        CheckConfig base = CheckConfig.of(repo.resolve("infra"));
        CheckConfig withBaseline = new CheckConfig(
                repo,
                List.of(repo.resolve("infra")),
                base.includes(),
                base.excludes(),
                base.limits(),
                base.rules(),
                base.context(),
                List.of(),
                List.of(),
                false,
                baseline);

        CheckResult first = check(withBaseline.withoutBaseline());
        Baseline.write(first.findings(), first.baseDirectory(), baseline);
        assertThat(failing(check(withBaseline))).isEmpty();

        // Lines move, one server is fixed, and a new mistake appears in a file that had the same one before.
        Files.writeString(repo.resolve("infra/ex01.yaml"), "# moved\n\n" + SERVER);
        Files.writeString(
                repo.resolve("infra/ex02.yaml"),
                SERVER.replace("EX01", "EX02").replace("SchUseStrongCrypto: 0", "SchUseStrongCrypto: 1"));
        Files.writeString(repo.resolve("infra/ex03.yaml"), SERVER.replace("EX01", "EX03"));
        CheckResult result = check(withBaseline);
        assertThat(failing(result)).containsExactlyInAnyOrder("EX1003@infra/ex03.yaml:7", "EX1005@infra/ex03.yaml:5");
        assertThat(result.staleBaseline()).hasSize(1).allMatch(e -> e.startsWith("EX1003 infra/ex02.yaml: "));
    }

    @Test
    void aFindingThatNamesTheLineOfAnotherPlaceStaysBaselinedWhenLinesMove() throws IOException {
        Path baseline = repo.resolve(Baseline.FILE_NAME);
        String twice = SERVER + "    HKLM\\Software\\Microsoft\\.NETFramework\\v4.0.30319:\n"
                + "      SystemDefaultTlsVersions: 1\n";
        Files.writeString(repo.resolve("ex01.yaml"), twice);
        CheckConfig base = CheckConfig.of(repo);
        CheckConfig withBaseline = new CheckConfig(
                repo,
                List.of(repo),
                base.includes(),
                base.excludes(),
                base.limits(),
                base.rules(),
                base.context(),
                List.of(),
                List.of(),
                false,
                baseline);
        CheckResult before = check(withBaseline.withoutBaseline());
        assertThat(before.findings())
                .extracting(f -> f.rule().id() + ": " + f.message())
                .contains("EX0002: the "
                        + "registry key 'HKLM\\Software\\Microsoft\\.NETFramework\\v4.0.30319' is written twice in "
                        + "Server EX01 spec (first as 'HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' at "
                        + "line 6)");
        Baseline.write(before.findings(), before.baseDirectory(), baseline);

        Files.writeString(repo.resolve("ex01.yaml"), "# moved\n\n" + twice);
        CheckResult after = check(withBaseline);

        assertThat(after.findings())
                .filteredOn(f -> f.rule().id().equals("EX0002"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("at line 8)"))
                .satisfies(f -> assertThat(f.suppressed()).isTrue());
        assertThat(after.staleBaseline()).isEmpty();
    }
}
