package io.github.exchangecompliance.live;

import io.github.exchangecompliance.clixml.CliValue;
import io.github.exchangecompliance.clixml.CliValue.CliList;
import io.github.exchangecompliance.clixml.CliValue.CliObject;
import io.github.exchangecompliance.clixml.CliValue.CliPrimitive;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Optional;

/** Reading an export's properties as the model keeps values: text with its line, lists of texts, booleans, PEM. */
final class CliProperties {

    private CliProperties() {}

    static String pem(byte[] der) {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    static Optional<Value<String>> serverNameOf(CliObject object) {
        for (String property : List.of("ComputerName", "PSComputerName", "ServerName", "MachineName")) {
            Value<String> name = text(object, property);
            if (name != null && !name.value().isBlank()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** A property as text: a primitive's value, an object's ToString; null when absent or Nil. */
    static Value<String> text(CliObject object, String property) {
        return object.property(property).map(CliProperties::textOf).orElse(null);
    }

    private static Value<String> textOf(CliValue value) {
        String text =
                value instanceof CliPrimitive p ? p.text() : value instanceof CliObject o ? o.toStringText() : null;
        return text == null || text.isBlank() ? null : Value.of(text.strip(), value.location());
    }

    /** A multi-valued property as its items' texts (a single value as one item). */
    static List<Value<String>> texts(CliObject object, String property) {
        Optional<CliValue> value = object.property(property);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof CliList list) {
            return list.items().stream()
                    .map(CliProperties::textOf)
                    .filter(v -> v != null)
                    .toList();
        }
        Value<String> one = textOf(value.get());
        return one == null ? List.of() : List.of(one);
    }

    static Value<Boolean> bool(CliObject object, String property) {
        return object.property(property)
                .filter(CliPrimitive.class::isInstance)
                .map(CliPrimitive.class::cast)
                .filter(p -> p.value() instanceof Boolean)
                .map(p -> Value.of((Boolean) p.value(), p.location()))
                .orElse(null);
    }
}
