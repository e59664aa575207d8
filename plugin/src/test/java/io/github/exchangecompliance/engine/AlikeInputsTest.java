package io.github.exchangecompliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that declare the same registry in their own files are checked once ({@link AlikeInputs}), and each is
 * still told what is wrong at its own lines, with the same words.
 */
class AlikeInputsTest {

    private static final String SERVER = """
            apiVersion: exchange-compliance/v1
            kind: Server
            metadata: {name: %s}
            spec:
              version: SE RTM
              registry:
                HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS1.2\\Server:
                  Enabled: 1
                HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319:
                  SchUseStrongCrypto: "1"
            """;

    @Test
    void eachServerGetsItsFindingsAtItsOwnLines(@TempDir Path repo) throws Exception {
        // The second file has two comment lines more: its findings stand two lines lower.
        Files.writeString(repo.resolve("ex01.yaml"), SERVER.formatted("EX01"));
        Files.writeString(repo.resolve("ex02.yaml"), "# EX02\n# built 2026\n" + SERVER.formatted("EX02"));

        CheckResult result = new Checker(CheckConfig.of(repo)).check();

        List<String> found = result.findings().stream()
                .filter(f -> List.of("EX1007", "EX1010").contains(f.rule().id()))
                .map(f -> result.relativePath(f) + ":" + f.location().line() + " "
                        + f.rule().id() + " " + f.message())
                .toList();
        String typo = "EX1007 Windows never reads the key HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                + "\\SCHANNEL\\Protocols\\TLS1.2\\Server";
        String type = "EX1010 ";
        assertThat(found).hasSize(4);
        assertThat(found.get(0)).startsWith("ex01.yaml:7 " + typo);
        assertThat(found.get(1)).startsWith("ex01.yaml:10 " + type);
        assertThat(found.get(2)).startsWith("ex02.yaml:9 " + typo);
        assertThat(found.get(3)).startsWith("ex02.yaml:12 " + type);
        assertThat(found.get(2).substring("ex02.yaml:9".length()))
                .isEqualTo(found.get(0).substring("ex01.yaml:7".length()));
        assertThat(found.get(3).substring("ex02.yaml:12".length()))
                .isEqualTo(found.get(1).substring("ex01.yaml:10".length()));
    }
}
