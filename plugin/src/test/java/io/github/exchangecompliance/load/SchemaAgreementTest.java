package io.github.exchangecompliance.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.github.exchangecompliance.engine.Catalog;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.engine.RuleSettings;
import io.github.exchangecompliance.testing.Fixture;
import io.github.exchangecompliance.testing.NativeSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped JSON Schema and the loader must agree: every document meant to be valid passes both, every
 * document in {@code schema/invalid} fails both. So neither can drift from the other.
 */
class SchemaAgreementTest {

    @TestFactory
    Stream<DynamicTest> validDocumentsPassBoth() throws IOException {
        return valid().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            for (JsonNode document : documents(f)) {
                assertThat(NativeSchema.validate(document))
                        .as(f + " against the schema")
                        .isEmpty();
            }
            CheckResult result = Fixture.check(f, Set.of());
            assertThat(result.findings())
                    .as(f + " by the loader")
                    .noneMatch(
                            x -> x.rule().id().equals("EX0001") || x.rule().id().equals("EX0002"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidDocumentsFailBoth() throws IOException {
        return files(Path.of("src/test/resources/schema/invalid"))
                .map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
                    JsonNode document = documents(f).get(0);
                    Set<ValidationMessage> problems = NativeSchema.validate(document);
                    assertThat(problems).as(f + " against the schema").isNotEmpty();
                    CheckResult result = Fixture.check(f, Set.of());
                    assertThat(result.findings())
                            .as(f + " by the loader")
                            .anyMatch(x -> x.rule().id().equals("EX0002"));
                }));
    }

    @Test
    void theExampleRepositoryPassesBoth() throws IOException {
        Path examples = Path.of("../examples/exchange");
        for (Path file : files(examples).toList()) {
            for (JsonNode document : documents(file)) {
                assertThat(NativeSchema.validate(document))
                        .as(file + " against the schema")
                        .isEmpty();
            }
        }
        Map<String, String> inputRulesOnly = new HashMap<>();
        Catalog.descriptors().stream()
                .filter(r -> !r.id().startsWith("EX000"))
                .forEach(r -> inputRulesOnly.put(r.id(), "off"));
        CheckConfig config = CheckConfig.of(examples).withRules(RuleSettings.parse(inputRulesOnly));
        assertThat(new Checker(config).check().findings()).isEmpty();
    }

    /** Rule fixtures of the native format, other than the input rules' failing ones. */
    private static Stream<Path> valid() throws IOException {
        return files(Path.of("src/test/resources/rules"))
                .filter(f -> !f.toString().contains("EX0001") && !f.toString().contains("EX0002/fail-"))
                .filter(SchemaAgreementTest::isNative);
    }

    private static boolean isNative(Path file) {
        try {
            return Files.readString(file).contains("apiVersion: exchange-compliance/v1");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        return NativeSchema.documents(file);
    }
}
