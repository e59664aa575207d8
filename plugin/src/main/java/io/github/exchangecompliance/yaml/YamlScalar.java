package io.github.exchangecompliance.yaml;

import io.github.exchangecompliance.model.Location;

/**
 * A scalar as written. The text is kept so that {@code yes}, {@code 0443} or {@code 1.10} can be typed by
 * what the schema expects, not by YAML 1.1's guesses.
 *
 * @param text the scalar's text as written (for a null, the empty string)
 * @param kind what the scalar looked like: quoted text, a plain number, a boolean, or null
 */
public record YamlScalar(String text, Kind kind, Location location) implements YamlNode {

    public enum Kind {
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        NULL
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING -> "the string '" + abbreviate(text) + "'";
            case INTEGER, DECIMAL -> "the number " + abbreviate(text);
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "an empty value";
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
