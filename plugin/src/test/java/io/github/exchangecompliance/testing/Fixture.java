package io.github.exchangecompliance.testing;

import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.engine.Catalog;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.engine.RuleSettings;
import io.github.exchangecompliance.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML fixture whose expectations stand beside the lines they are about:
 * {@code # expect: EX1003@27 message}, meaning rule EX1003 reports at this line, column 27, with that message.
 * Checking is both ways: a missing finding fails, and so does one that is not expected.
 */
public final class Fixture {

    private static final Pattern EXPECT =
            Pattern.compile("#\\s*expect:\\s*(EX\\d{4})@(\\d+)\\s+(.*?)\\s*(?=#\\s*expect:|$)");

    private Fixture() {}

    /** The expected findings, as lines {@code line:column RULE message}. */
    public static List<String> expected(Path file) throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            while (m.find()) {
                expected.add((i + 1) + ":" + m.group(2) + " " + m.group(1) + " " + m.group(3));
            }
        }
        return sorted(expected);
    }

    /** Rules a fixture turns on besides its own: a comment line {@code # fixture-rules: EX1003 EX1004}. */
    public static Set<String> extraRules(Path file) throws IOException {
        return new java.util.HashSet<>(header(file, "fixture-rules"));
    }

    /**
     * Exports the fixture is compared with (EX0008): a comment line
     * {@code # fixture-exports: exports/ex01.xml exports/ex02.xml}, paths from the fixture's folder.
     */
    public static List<String> exports(Path file) throws IOException {
        return header(file, "fixture-exports");
    }

    /** The words of the fixture's comment lines {@code # <name>: word word}. */
    private static List<String> header(Path file, String name) throws IOException {
        List<String> words = new ArrayList<>();
        Pattern header = Pattern.compile("^#\\s*" + name + ":(.*)$");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = header.matcher(line);
            if (m.find()) {
                words.addAll(List.of(m.group(1).strip().split("\\s+")));
            }
        }
        return words;
    }

    /**
     * Checks one file with only the given rules on (and the input rules EX0001, EX0002 and EX0005, which every
     * fixture must pass). The file is checked beside the test PKI's {@code certs/}, at {@link TestPki#REFERENCE_DATE}.
     */
    public static CheckResult check(Path file, Set<String> ruleIds) throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (RuleDescriptor rule : Catalog.descriptors()) {
            boolean on = ruleIds.contains(rule.id())
                    || List.of("EX0001", "EX0002", "EX0005").contains(rule.id());
            if (!on) {
                settings.put(rule.id(), "off");
            }
        }
        Path dir = TestPki.directory();
        Path copy = Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        CheckConfig config = new CheckConfig(
                dir,
                List.of(dir),
                List.of(copy.getFileName().toString()),
                List.of(),
                YamlLimits.defaults(),
                RuleSettings.parse(settings),
                new RuleContext(TestPki.REFERENCE_DATE, 30));
        List<String> exports = exports(file);
        if (!exports.isEmpty()) {
            // In a folder of the fixture's own, so that its messages name the files as "<fixture>.exports/ex01.xml".
            Path folder = dir.resolve(file.getFileName().toString().replaceFirst("\\.yaml$", ".exports"));
            Files.createDirectories(folder);
            for (String export : exports) {
                Path source = file.resolveSibling(export);
                Files.copy(source, folder.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            config = config.withExports(List.of(folder));
        }
        return new Checker(config).check();
    }

    /** The findings of a check, as lines {@code line:column RULE message}. */
    public static List<String> actual(CheckResult result) {
        List<String> actual = new ArrayList<>();
        result.findings().stream()
                .filter(f -> !f.suppressed())
                .forEach(f -> actual.add(f.location().line() + ":"
                        + f.location().column() + " " + f.rule().id() + " " + f.message()));
        return sorted(actual);
    }

    /** In line and column order (7:3 before 23:7), then by text: the order a reader of the file meets them. */
    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(java.util.Comparator.comparingInt((String l) -> position(l, 0))
                .thenComparingInt(l -> position(l, 1))
                .thenComparing(java.util.Comparator.naturalOrder()));
        return copy;
    }

    private static int position(String line, int part) {
        Matcher m = Pattern.compile("^(\\d+):(\\d+) ").matcher(line);
        return m.find() ? Integer.parseInt(m.group(part + 1)) : Integer.MAX_VALUE;
    }
}
