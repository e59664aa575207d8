package io.github.exchangecompliance.load;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.Numbers;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one mapping of the native format and reports what breaks the schema (EX0002). Every
 * field the binding code asks for becomes a known key, so {@link #finish()} can report the others with the
 * nearest known key: the binding code is the schema.
 *
 * <p>A field of the wrong type is reported and read as missing, so the rest of the document is still checked.
 */
final class Fields {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+|0[xX][0-9a-fA-F]+");

    private final YamlMap map;
    private final String where;
    private final Reporter schema;
    private final Set<String> known = new LinkedHashSet<>();

    Fields(YamlMap map, String where, Reporter schema) {
        this.map = map;
        this.where = where;
        this.schema = schema;
    }

    /** Reads a node as a mapping of fields, or reports what it is instead (and returns null). */
    static Fields of(YamlNode node, String where, Reporter schema) {
        if (node instanceof YamlMap m) {
            return new Fields(m, where, schema);
        }
        schema.report(node.location(), where + " must be a mapping, not " + node.describe());
        return null;
    }

    YamlMap map() {
        return map;
    }

    YamlNode node(String key) {
        known.add(key);
        return map.get(key).orElse(null);
    }

    YamlNode required(String key) {
        YamlNode node = node(key);
        if (node == null) {
            schema.report(map.location(), where + " needs '" + key + "'");
        }
        return node;
    }

    /** The fields of a nested mapping, or null when the key is missing or holds something else (reported). */
    Fields child(String key) {
        YamlNode node = node(key);
        return node == null ? null : of(node, where + "." + key, schema);
    }

    Value<String> string(String key) {
        return asString(node(key), where + "." + key);
    }

    Value<String> requiredString(String key) {
        return asString(required(key), where + "." + key);
    }

    Value<String> asString(YamlNode node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlScalar s && !s.isNull()) {
            return Value.of(s.text(), s.location());
        }
        schema.report(node.location(), what + " must be a string, not " + node.describe());
        return null;
    }

    Value<Boolean> bool(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN) {
            String text = s.text().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Value.of(Boolean.valueOf(text), s.location());
            }
        }
        String found = node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN
                ? "'" + s.text() + "'"
                : node.describe();
        schema.report(node.location(), where + "." + key + " must be true or false, not " + found);
        return null;
    }

    Value<Long> integer(String key) {
        return asInteger(node(key), where + "." + key);
    }

    Value<Long> asInteger(YamlNode node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.INTEGER) {
            Long number = parseInteger(s.text());
            if (number != null) {
                return Value.of(number, s.location());
            }
        }
        schema.report(node.location(), what + " must be a whole number, not " + node.describe());
        return null;
    }

    /** Decimal (leading zeros are decimal, not YAML 1.1 octal) or {@code 0x} hexadecimal; null when neither. */
    static Long parseInteger(String text) {
        String t = text.strip().replace("_", "");
        if (!INTEGER.matcher(t).matches()) {
            return null;
        }
        try {
            return Numbers.decimalOrHex(t);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    Value<String> oneOf(String key, Collection<String> allowed) {
        return asOneOf(string(key), where + "." + key, allowed);
    }

    /** A value from a fixed list, matched without regard to case and returned in its canonical spelling. */
    Value<String> asOneOf(Value<String> value, String what, Collection<String> allowed) {
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value.value().strip())) {
                return Value.of(candidate, value.location());
            }
        }
        schema.report(
                value.location(),
                what + " is '" + value.value() + "', not one of " + String.join(", ", allowed)
                        + Suggestions.didYouMean(value.value(), allowed));
        return null;
    }

    YamlSeq list(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlSeq seq) {
            return seq;
        }
        schema.report(node.location(), where + "." + key + " must be a list, not " + node.describe());
        return null;
    }

    List<Value<String>> strings(String key) {
        YamlSeq seq = list(key);
        if (seq == null) {
            return null;
        }
        List<Value<String>> values = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            Value<String> v = asString(item, where + "." + key + " item");
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    List<Value<String>> stringsOneOf(String key, Collection<String> allowed) {
        List<Value<String>> values = strings(key);
        if (values == null) {
            return null;
        }
        List<Value<String>> valid = new ArrayList<>();
        for (Value<String> v : values) {
            Value<String> checked = asOneOf(v, where + "." + key + " item", allowed);
            if (checked != null) {
                valid.add(checked);
            }
        }
        return valid;
    }

    /** Reports every key the binding code did not ask for. */
    void finish() {
        for (YamlMap.Entry entry : map.entries()) {
            if (!known.contains(entry.name())) {
                schema.report(
                        entry.key().location(),
                        "unknown key '" + entry.name() + "' in " + where + Suggestions.didYouMean(entry.name(), known));
            }
        }
    }
}
