package io.github.exchangecompliance.load;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads the native format's {@code registry} mapping: key paths to value names to data, where data is an integer
 * (REG_DWORD), a string (REG_SZ) or typed ({@code {dword: 1}}, {@code {multiString: [..]}}, {@code {absent: true}}).
 */
final class RegistryReader {

    private static final List<String> TYPES =
            List.of("dword", "qword", "string", "expandString", "multiString", "binary", "absent");

    private final Reporter schema;

    RegistryReader(Reporter schema) {
        this.schema = schema;
    }

    Registry read(YamlNode node, String where) {
        Registry registry = new Registry();
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return registry;
        }
        if (!(node instanceof YamlMap keys)) {
            schema.report(node.location(), where + ".registry must be a mapping of key paths, not " + node.describe());
            return registry;
        }
        Map<String, YamlMap.Entry> seen = new HashMap<>();
        for (YamlMap.Entry entry : keys.entries()) {
            RegistryPath path = RegistryPath.parse(entry.name()).orElse(null);
            if (path == null) {
                schema.report(
                        entry.key().location(),
                        "'" + entry.name() + "' in " + where
                                + ".registry is not a registry key path: start it with a hive such as HKLM\\");
                continue;
            }
            YamlMap.Entry first = seen.putIfAbsent(path.matchKey(), entry);
            if (first != null) {
                schema.report(
                        entry.key().location(),
                        "the registry key '" + entry.name()
                                + "' is written twice in " + where + " (first as '" + first.name() + "' at line "
                                + first.key().location().line() + ")");
            }
            RegistryKey key = registry.keyFor(path, entry.name(), entry.key().location());
            readValues(key, entry.value(), where);
        }
        return registry;
    }

    private void readValues(RegistryKey key, YamlNode node, String where) {
        if (node instanceof YamlScalar s && s.isNull()) {
            return;
        }
        if (!(node instanceof YamlMap values)) {
            schema.report(
                    node.location(),
                    "the registry key '" + key.written() + "' in " + where + " must map value names to data, not be "
                            + node.describe());
            return;
        }
        for (YamlMap.Entry entry : values.entries()) {
            RegistryValue value = readValue(entry.name(), entry.value(), key.written());
            if (value != null) {
                key.put(value);
            }
        }
    }

    private RegistryValue readValue(String name, YamlNode node, String key) {
        String what = "the registry value '" + name + "' under '" + key + "'";
        if (node instanceof YamlScalar s) {
            if (s.kind() == YamlScalar.Kind.INTEGER) {
                return dword(name, s, what);
            }
            if (s.kind() == YamlScalar.Kind.STRING) {
                return new RegistryValue(name, RegistryValue.Type.STRING, null, s.text(), s.location());
            }
        } else if (node instanceof YamlMap typed && typed.entries().size() == 1) {
            return typedValue(name, typed.entries().get(0), what);
        }
        schema.report(
                node.location(),
                what + " must be an integer (REG_DWORD), a string (REG_SZ) or typed "
                        + "({dword: 1}, {string: \"x\"}, {absent: true}, ...), not " + node.describe());
        return null;
    }

    private RegistryValue dword(String name, YamlScalar s, String what) {
        Long number = Fields.parseInteger(s.text());
        if (number == null) {
            schema.report(s.location(), what + " is not a number a registry value can hold: " + s.text());
            return null;
        }
        return RegistryValue.dword(name, number, s.text(), s.location());
    }

    private RegistryValue typedValue(String name, YamlMap.Entry entry, String what) {
        YamlNode data = entry.value();
        String type = entry.name();
        switch (type) {
            case "dword", "qword" -> {
                Long number = data instanceof YamlScalar s ? Fields.parseInteger(s.text()) : null;
                if (number == null) {
                    break;
                }
                String text = ((YamlScalar) data).text();
                return new RegistryValue(
                        name,
                        type.equals("dword") ? RegistryValue.Type.DWORD : RegistryValue.Type.QWORD,
                        number,
                        text,
                        data.location());
            }
            case "string", "expandString" -> {
                if (data instanceof YamlScalar s && !s.isNull()) {
                    return new RegistryValue(
                            name,
                            type.equals("string") ? RegistryValue.Type.STRING : RegistryValue.Type.EXPAND_STRING,
                            null,
                            s.text(),
                            data.location());
                }
            }
            case "multiString" -> {
                if (data instanceof YamlSeq seq && seq.items().stream().allMatch(YamlScalar.class::isInstance)) {
                    List<String> parts = new ArrayList<>();
                    seq.items().forEach(i -> parts.add(((YamlScalar) i).text()));
                    return new RegistryValue(
                            name, RegistryValue.Type.MULTI_STRING, null, String.join(",", parts), data.location());
                }
            }
            case "binary" -> {
                if (data instanceof YamlScalar s && isHex(s.text())) {
                    return new RegistryValue(name, RegistryValue.Type.BINARY, null, s.text(), data.location());
                }
            }
            case "absent" -> {
                if (data instanceof YamlScalar s
                        && s.kind() == YamlScalar.Kind.BOOLEAN
                        && s.text().equalsIgnoreCase("true")) {
                    return new RegistryValue(name, RegistryValue.Type.ABSENT, null, "", data.location());
                }
            }
            default -> {
                schema.report(
                        entry.key().location(),
                        "unknown registry type '" + type + "' for " + what + Suggestions.didYouMean(type, TYPES));
                return null;
            }
        }
        schema.report(data.location(), what + ": " + type + " cannot hold " + data.describe());
        return null;
    }

    private static boolean isHex(String text) {
        String hex = text.replaceAll("[\\s,]", "");
        try {
            HexFormat.of().parseHex(hex);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
