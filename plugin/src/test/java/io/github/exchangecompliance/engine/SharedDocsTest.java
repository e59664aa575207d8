package io.github.exchangecompliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.api.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The catalog against the team's rule catalog, {@code ../shared/RULES.md}, which lies outside the repository: tagged
 * {@code shared}, so {@code ./mvnw verify} on a clone leaves it out and {@code .ci/run} runs it as its own step.
 */
@Tag("shared")
class SharedDocsTest {

    private static final Path RULES_MD = Path.of("../../shared/RULES.md");

    @Test
    void everyRuleStandsInRulesMdWithTheSameNameAndSeverity() throws IOException {
        String catalog = Files.readString(RULES_MD);
        for (RuleDescriptor rule : Catalog.descriptors()) {
            assertThat(catalog)
                    .as(rule.id())
                    .contains("| " + rule.id() + " | " + rule.name() + " | "
                            + rule.defaultSeverity().label());
        }
    }
}
