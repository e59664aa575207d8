package io.github.exchangecompliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped schema of the JSON report describes what the report holds: the report of every rule's fixtures and of
 * the example repository validates against it (the schema allows no field it does not name, so a field added to
 * the report without the schema fails here).
 */
class JsonReportSchemaTest {

    private static final JsonSchema SCHEMA = load();

    private static JsonSchema load() {
        try (InputStream in =
                JsonReportSchemaTest.class.getResourceAsStream("/exchange-compliance-report-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode report(Path sources) throws IOException {
        CheckResult result = new Checker(CheckConfig.of(sources)).check();
        return new JsonReport("1.0.0").build(result);
    }

    @TestFactory
    Stream<DynamicTest> theReportOfEveryRulesFixturesValidates() throws IOException {
        Stream.Builder<Path> folders = Stream.builder();
        try (Stream<Path> rules = Files.list(Path.of("src/test/resources/rules"))) {
            rules.filter(Files::isDirectory).sorted().forEach(folders);
        }
        folders.add(Path.of("../examples"));
        return folders.build()
                .map(folder -> DynamicTest.dynamicTest(folder.toString(), () -> {
                    JsonNode report = report(folder);
                    assertThat(SCHEMA.validate(report))
                            .as(folder + " against the report's schema")
                            .isEmpty();
                    assertThat(report.get("findings"))
                            .as("a folder of fixtures that finds nothing tests nothing")
                            .isNotEmpty();
                }));
    }

    @Test
    void aSuppressedFindingValidatesWithItsJustification(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("ex01.yaml"), """
                apiVersion: exchange-compliance/v1
                kind: Server
                metadata: {name: EX01}
                spec:
                  registry:
                    HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319:
                      SchUseStrongCrypto: 0  # exchange-compliance:ignore EX1003 -- until the change window
                """);
        JsonNode report = report(repo);
        assertThat(SCHEMA.validate(report)).isEmpty();
        assertThat(report.findValuesAsText("suppressed")).contains("until the change window");
    }

    @Test
    void aFieldTheSchemaDoesNotNameFails() throws IOException {
        JsonNode report = report(Path.of("../examples"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("summary")).put("undocumented", 1);
        assertThat(SCHEMA.validate(report)).isNotEmpty();
    }
}
