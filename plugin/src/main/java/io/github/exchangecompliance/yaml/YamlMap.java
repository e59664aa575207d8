package io.github.exchangecompliance.yaml;

import io.github.exchangecompliance.model.Location;
import java.util.List;
import java.util.Optional;

/** A YAML mapping, in the order written. Keys are unique: the reader reports duplicates. */
public record YamlMap(List<Entry> entries, Location location) implements YamlNode {

    /** One key and its value; the key keeps its own location for findings about the key. */
    public record Entry(YamlScalar key, YamlNode value) {
        public String name() {
            return key.text();
        }
    }

    public YamlMap {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    /** The text of a scalar value, when the key holds one. */
    public Optional<String> text(String key) {
        return get(key).filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).text());
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
