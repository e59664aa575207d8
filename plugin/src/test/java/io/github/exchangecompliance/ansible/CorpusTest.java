package io.github.exchangecompliance.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.engine.FileKind;
import io.github.exchangecompliance.engine.RuleSettings;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.yaml.YamlLimits;
import io.github.exchangecompliance.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real public YAML from other people's repositories ({@code ../shared/corpus}, sources in its SOURCES.tsv): every
 * file is read without an exception, and what is found in each (format, servers, registry values, findings) is
 * compared with {@code corpus/expected.tsv}, so a change of behaviour shows up here. After a deliberate change,
 * {@code -Dcorpus.update=true} rewrites the expectations; review the diff before committing it. The corpus lies
 * outside the repository: tagged {@code shared}, so {@code ./mvnw verify} on a clone leaves it out, and
 * {@code .ci/run} runs it as its own step ({@code -Dgroups=shared -DexcludedGroups=none}).
 */
@Tag("shared")
class CorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    private static final Path EXPECTED = Path.of("src/test/resources/corpus/expected.tsv");

    @Test
    void everyCorpusFileIsReadAndItsFindingsAreAsRecorded() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(f -> !f.getFileName().toString().endsWith(".tsv"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        List<String> lines = new ArrayList<>();
        lines.add("# file\tformat\tservers\tregistry values\tfindings (rule@line:column)");
        for (Path file : files) {
            lines.add(describe(file));
        }
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("corpus.update")) {
            Files.createDirectories(EXPECTED.getParent());
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
    }

    private static String describe(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        CheckConfig config = new CheckConfig(
                dir,
                List.of(dir),
                List.of(file.getFileName().toString()),
                List.of(),
                YamlLimits.defaults(),
                RuleSettings.defaults(),
                new io.github.exchangecompliance.api.RuleContext(java.time.LocalDate.of(2026, 11, 28), 30));
        CheckResult result = new Checker(config).check();
        assertThat(result.toolErrors()).as(file.toString()).isEmpty();
        InfraModel model = result.model();
        long values = Stream.concat(
                        model.groups().stream().map(g -> g.spec().registry()),
                        model.servers().stream().map(s -> s.spec().registry()))
                .flatMap(r -> r.keys().stream())
                .mapToLong(k -> k.values().size())
                .sum();
        List<String> findings = result.findings().stream()
                .map(f -> f.rule().id() + "@" + f.location().line() + ":"
                        + f.location().column())
                .toList();
        String format =
                FileKind.of(new YamlReader(YamlLimits.defaults()).read(file)).label();
        return file.getFileName() + "\t" + format + "\t" + model.servers().size() + "\t" + values + "\t"
                + String.join(" ", findings);
    }
}
