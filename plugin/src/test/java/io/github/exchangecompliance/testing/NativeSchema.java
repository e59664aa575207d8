package io.github.exchangecompliance.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The native format's published JSON Schema, as an editor or a CI linter would apply it to a file. */
public final class NativeSchema {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchema SCHEMA = load();

    private NativeSchema() {}

    private static JsonSchema load() {
        try (InputStream in = NativeSchema.class.getResourceAsStream("/exchange-compliance-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Set<ValidationMessage> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }

    /** What the schema says of every document in the file; empty when all pass. */
    public static List<String> problems(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents(file)) {
            validate(document).forEach(m -> problems.add(file.getFileName() + ": " + m.getMessage()));
        }
        return problems;
    }

    public static List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return it.readAll().stream()
                    .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
                    .toList();
        }
    }
}
