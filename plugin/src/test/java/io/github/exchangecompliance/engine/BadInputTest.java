package io.github.exchangecompliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.RuleContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository full of bad files beside one good one: each bad file is one EX0001 finding at its file and line,
 * and the good file is still checked.
 */
@Timeout(60)
class BadInputTest {

    /** A server with one wrong TLS value: the file that must still be checked beside the bad ones. */
    static final String GOOD = """
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

    @Test
    void everyBadFileIsOneFindingAndTheRestIsStillChecked() throws IOException {
        write("good.yaml", GOOD);
        write("crlf-and-bom.yaml", "\uFEFF" + GOOD.replace("EX01", "EX02").replace("\n", "\r\n"));
        write("malformed.yaml", "a: [1, 2\nb: 3\n");
        write("empty.yaml", "");
        write("comments-only.yaml", "# kept for later\n---\n");
        write("deep.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(("*" + (char) (c - 1) + ", ").repeat(9))
                    .append("*")
                    .append((char) (c - 1))
                    .append("]\n");
        }
        write("bomb.yaml", bomb.toString());
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        Files.write(repo.resolve("garbage.yaml"), garbage);
        try (OutputStream out = Files.newOutputStream(repo.resolve("huge.yaml"))) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            out.write("a: ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        write("kubernetes.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");

        CheckResult result = new Checker(CheckConfig.of(repo)).check();

        List<String> findings = result.findings().stream()
                .filter(f -> !f.rule().id().equals("EX1005"))
                .map(f -> result.relativePath(f) + ":" + f.location().line() + " "
                        + f.rule().id() + " " + f.severity().label())
                .collect(Collectors.toList());
        assertThat(findings)
                .containsExactlyInAnyOrder(
                        "bomb.yaml:5 EX0001 error",
                        "crlf-and-bom.yaml:7 EX1003 error",
                        "deep.yaml:1 EX0001 error",
                        "garbage.yaml:1 EX0001 error",
                        "good.yaml:7 EX1003 error",
                        "huge.yaml:1 EX0001 error",
                        "malformed.yaml:2 EX0001 error");
        // Files that hold nothing (empty, only comments or "---") are valid YAML that declares nothing: skipped.
        assertThat(result.filesSkipped()).isEqualTo(3);
        assertThat(result.serversChecked()).isEqualTo(2);
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("\n"));
    }

    @Test
    void symbolicLinksLeavingTheRootOrLoopingAreNotFollowed() throws IOException {
        Path root = Files.createDirectories(repo.resolve("infra"));
        Path outside = Files.createDirectories(repo.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), GOOD);
        Files.writeString(root.resolve("good.yaml"), GOOD);
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("loop"), root);

        CheckResult result = new Checker(new CheckConfig(
                        root,
                        List.of(root),
                        CheckConfig.DEFAULT_INCLUDES,
                        CheckConfig.DEFAULT_EXCLUDES,
                        io.github.exchangecompliance.yaml.YamlLimits.defaults(),
                        RuleSettings.defaults(),
                        RuleContext.today()))
                .check();

        assertThat(result.findings()).extracting(result::relativePath).containsOnly("good.yaml");
    }

    @Test
    void unicodeTricksFifosAndA200MiBFileAreFindingsNotCrashesOrHangs() throws Exception {
        // A zero-width space inside a key: not the key it looks like, so the schema names the one meant.
        write("ex01.yaml", GOOD.replace("spec:", "spec:\n  fq\u200Bdn: ex01.contoso.com"));
        // A right-to-left override and a Cyrillic letter in a value name: read, never a crash.
        write("ex02.yaml", GOOD.replace("EX01", "EX02").replace("SchUseStrongCrypto", "Sch\u202EUseStr\u043EngCrypto"));
        Process fifo = new ProcessBuilder("mkfifo", repo.resolve("pipe.yaml").toString()).start();
        assertThat(fifo.waitFor()).isZero();
        try (java.io.RandomAccessFile big =
                new java.io.RandomAccessFile(repo.resolve("huge.yaml").toFile(), "rw")) {
            big.setLength(200L * 1024 * 1024);
        }

        CheckResult result = new Checker(CheckConfig.of(repo)).check();

        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.rule().id()).isEqualTo("EX0002");
            assertThat(f.message()).isEqualTo("unknown key 'fq\u200Bdn' in Server EX01 spec; did you mean 'fqdn'?");
        });
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(result.relativePath(f)).isEqualTo("huge.yaml");
            assertThat(f.message()).startsWith("the file is 209715200 bytes, more than maxFileSize");
        });
        assertThat(result.relativeFiles()).doesNotContain("pipe.yaml");
        assertThat(result.toolErrors()).isEmpty();
    }

    @Test
    void aNameDefinedInAFileThatDoesNotParseIsNotAlsoADanglingReference() throws IOException {
        // groups.yaml breaks after its first document: the group baseline and the certificate are in the broken part.
        write("groups.yaml", """
                apiVersion: exchange-compliance/v1
                kind: ServerGroup
                metadata: {name: other}
                spec: {}
                ---
                apiVersion: exchange-compliance/v1
                kind: ServerGroup
                metadata: {name: baseline}
                spec: {certificates: [hybrid-cert]
                """);
        write("ex01.yaml", """
                apiVersion: exchange-compliance/v1
                kind: Server
                metadata: {name: EX01, groups: [baseline, basline2]}
                spec: {certificates: [hybrid-cert]}
                """);

        CheckResult result = new Checker(CheckConfig.of(repo)).check();

        // The syntax error, and the one name no file defines or mentions; nothing about baseline or hybrid-cert.
        assertThat(result.findings().stream()
                        .filter(f -> f.rule().id().startsWith("EX000"))
                        .map(f -> result.relativePath(f) + ":" + f.location().line() + " "
                                + f.rule().id() + " " + f.message()))
                .hasSize(2)
                .anyMatch(f -> f.startsWith("groups.yaml:10 EX0001 "))
                .anyMatch(f -> f.startsWith(
                        "ex01.yaml:3 EX0002 Server EX01 names the group 'basline2', which is " + "not defined"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(repo.resolve(name), text, StandardCharsets.UTF_8);
    }
}
