package io.github.exchangecompliance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code rules/<rule id>/} with that rule alone and compares its findings with the
 * fixture's {@code # expect:} comments: rule, line, column and message, both ways.
 */
class RuleFixturesTest {

    static final Path ROOT = Path.of("src/test/resources/rules");

    @TestFactory
    Stream<DynamicTest> everyFixture() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(ROOT)) {
            fixtures =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        return fixtures.stream()
                .map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path fixture) throws IOException {
        String ruleId = fixture.getParent().getFileName().toString();
        List<String> expected = Fixture.expected(fixture);
        if (fixture.getFileName().toString().startsWith("fail-")) {
            assertThat(expected)
                    .as("a failing fixture expects at least one finding")
                    .isNotEmpty();
            assertThat(expected).anyMatch(e -> e.contains(" " + ruleId + " "));
        } else {
            assertThat(expected).as("a passing fixture expects nothing").isEmpty();
        }
        Set<String> rules = new java.util.HashSet<>(Fixture.extraRules(fixture));
        rules.add(ruleId);
        assertThat(Fixture.actual(Fixture.check(fixture, rules))).isEqualTo(expected);
    }
}
