package io.github.exchangecompliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalog whole: unique ids and names, metadata, every rule class registered, fixtures both ways, and the
 * README's table agreeing (RULES.md, outside the repository, is {@code SharedDocsTest}'s).
 */
class CatalogTest {

    private static final Path FIXTURES = Path.of("src/test/resources/rules");
    private static final Path README = Path.of("../README.md");
    private static final Path RULE_CLASSES = Path.of("target/classes/io/github/exchangecompliance/rules");

    @Test
    void idsAndNamesAreUniqueAndWellFormed() {
        List<RuleDescriptor> rules = Catalog.descriptors();
        assertThat(rules).extracting(RuleDescriptor::id).doesNotHaveDuplicates().allMatch(id -> id.matches("EX\\d{4}"));
        assertThat(rules)
                .extracting(RuleDescriptor::name)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.summary()).isNotBlank().endsWith(".");
            assertThat(r.description()).isNotBlank();
            assertThat(r.sources()).isNotEmpty();
            assertThat(r.defaultSeverity()).isNotEqualTo(Severity.OFF);
        });
    }

    @Test
    void everyRuleClassIsInTheCatalog() throws Exception {
        // A rule written but never registered would never run: every class with a RuleInfo must be in the catalog.
        List<String> registered =
                Catalog.descriptors().stream().map(r -> r.type().getName()).toList();
        List<String> annotated = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(RULE_CLASSES)) {
            for (Path file : files.filter(f ->
                            f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .sorted()
                    .toList()) {
                String name = "io.github.exchangecompliance.rules."
                        + file.getFileName().toString().replace(".class", "");
                if (Class.forName(name).isAnnotationPresent(RuleInfo.class)) {
                    annotated.add(name);
                }
            }
        }
        assertThat(annotated).hasSizeGreaterThan(30);
        assertThat(registered).containsExactlyInAnyOrderElementsOf(annotated);
    }

    @Test
    void theReadmesRuleTableIsTheCatalog() throws IOException {
        // Its last column is a short wording of its own; id, name and severity must be the metadata's, row for row.
        List<String> rows = Files.readAllLines(README).stream()
                .filter(l -> l.matches("\\| EX\\d{4} \\|.*"))
                .map(l -> String.join(
                        " | ",
                        java.util.Arrays.stream(l.split("\\|"))
                                .map(String::strip)
                                .filter(c -> !c.isEmpty())
                                .limit(3)
                                .toList()))
                .toList();
        assertThat(rows)
                .containsExactlyElementsOf(Catalog.descriptors().stream()
                        .map(r -> r.id() + " | " + r.name() + " | "
                                + r.defaultSeverity().label())
                        .toList());
    }

    @Test
    void everyRuleHasAFailingAndAPassingFixture() throws IOException {
        for (RuleDescriptor rule : Catalog.descriptors()) {
            Path dir = FIXTURES.resolve(rule.id());
            assertThat(dir).as(rule.id() + " fixtures").isDirectory();
            try (Stream<Path> files = Files.list(dir)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertThat(names)
                        .as(rule.id())
                        .anyMatch(n -> n.startsWith("fail-"))
                        .anyMatch(n -> n.startsWith("pass-"))
                        // EX0008's fixtures compare with the export files in exports/.
                        .allMatch(n -> n.matches("(fail|pass)-[a-z0-9-]+\\.yaml") || n.equals("exports"));
            }
        }
    }

    @Test
    void everyRuleGetsASitePageWithItsExamples(@org.junit.jupiter.api.io.TempDir Path site) throws IOException {
        io.github.exchangecompliance.docs.RulePages.main(new String[] {FIXTURES.toString(), site.toString()});
        for (RuleDescriptor rule : Catalog.descriptors()) {
            String page = Files.readString(site.resolve("rules/" + rule.id() + ".md"));
            assertThat(page)
                    .contains("# " + rule.id() + " " + rule.name(), "## Reported", "## Not reported", "## Sources");
        }
        assertThat(Files.readString(site.resolve("rules.md"))).contains("[EX1012](rules/EX1012.html)");
    }

    @Test
    void findsRulesByIdOrName() {
        assertThat(Catalog.find("ex1003")).map(RuleDescriptor::name).contains("dotnet-strong-crypto");
        assertThat(Catalog.find("tls13-unsupported")).map(RuleDescriptor::id).contains("EX1009");
        assertThat(Catalog.find("EX9999")).isEmpty();
    }
}
