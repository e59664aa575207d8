package io.github.exchangecompliance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed field reference is what the schema says: change the schema, and this fails until the page is
 * rewritten ({@code -Dfields.update=true} rewrites it).
 */
class FieldReferenceTest {

    private static final Path PAGE = Path.of("../src/site/markdown/fields.md");

    @Test
    void thePageIsTheSchemaWrittenOut() throws IOException {
        String generated = FieldReference.page();
        if (Boolean.getBoolean("fields.update")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8)).isEqualTo(generated);
    }

    @Test
    void everyFieldUsersAskedAboutIsOnIt() throws IOException {
        assertThat(FieldReference.page())
                .contains(
                        "`spec.hybrid.mailFlowServers[]`",
                        "`spec.file`",
                        "`spec.chain[]`",
                        "`spec.services[]`",
                        "`spec.purpose`",
                        "`spec.receiveConnectors[]`",
                        "`spec.egress.proxies[].rules[]`",
                        "`spec.registry.{key path}.{value name}`",
                        "## Receive connector",
                        "`tlsCertificateName`");
    }
}
