package io.github.exchangecompliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the catalog whole: unique ids and names, metadata, fixtures both ways, and RULES.md agreeing. */
class CatalogTest {

    private static final Path FIXTURES = Path.of("src/test/resources/rules");
    private static final Path RULES_MD = Path.of("../../shared/RULES.md");

    @Test
    void idsAndNamesAreUniqueAndWellFormed() {
        List<RuleDescriptor> rules = Catalog.descriptors();
        assertThat(rules).extracting(RuleDescriptor::id).doesNotHaveDuplicates().allMatch(id -> id.matches("EX\\d{4}"));
        assertThat(rules).extracting(RuleDescriptor::name).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.summary()).isNotBlank().endsWith(".");
            assertThat(r.description()).isNotBlank();
            assertThat(r.sources()).isNotEmpty();
            assertThat(r.defaultSeverity()).isNotEqualTo(Severity.OFF);
        });
        assertThat(Catalog.rules()).hasSameSizeAs(rules);
    }

    @Test
    void everyRuleHasAFailingAndAPassingFixture() throws IOException {
        for (RuleDescriptor rule : Catalog.descriptors()) {
            Path dir = FIXTURES.resolve(rule.id());
            assertThat(dir).as(rule.id() + " fixtures").isDirectory();
            try (Stream<Path> files = Files.list(dir)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertThat(names).as(rule.id()).anyMatch(n -> n.startsWith("fail-"))
                        .anyMatch(n -> n.startsWith("pass-"))
                        .allMatch(n -> n.matches("(fail|pass)-[a-z0-9-]+\\.yaml"));
            }
        }
    }

    @Test
    void everyRuleStandsInRulesMdWithTheSameNameAndSeverity() throws IOException {
        String catalog = Files.readString(RULES_MD);
        for (RuleDescriptor rule : Catalog.descriptors()) {
            assertThat(catalog).as(rule.id()).contains("| " + rule.id() + " | " + rule.name() + " | "
                    + rule.defaultSeverity().label());
        }
    }

    @Test
    void everyRuleGetsASitePageWithItsExamples(@org.junit.jupiter.api.io.TempDir Path site) throws IOException {
        io.github.exchangecompliance.docs.RulePages.main(new String[] {FIXTURES.toString(), site.toString()});
        for (RuleDescriptor rule : Catalog.descriptors()) {
            String page = Files.readString(site.resolve("rules/" + rule.id() + ".md"));
            assertThat(page).contains("# " + rule.id() + " " + rule.name(), "## Reported", "## Not reported",
                    "## Sources");
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
