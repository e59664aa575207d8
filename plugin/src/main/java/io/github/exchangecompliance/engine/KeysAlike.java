package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.rules.KeyRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry keys the key rules inspect, grouped by what they say (path, spelling, and each value's name, type
 * and data) apart from where they stand. What a key rule finds depends on that alone ({@link KeyRule}), so it
 * checks the first key of a group and the others get its findings at their own places: 10,000 servers that each
 * declare the same TLS keys in their own files cost what one server costs, and say what each would.
 */
final class KeysAlike {

    /** What a key says, apart from where. */
    record Shape(RegistryPath path, String written, List<ValueShape> values) {}

    private record ValueShape(String name, RegistryValue.Type type, Long number, String text) {}

    private final List<List<RegistryKey>> groups;

    private KeysAlike(List<List<RegistryKey>> groups) {
        this.groups = groups;
    }

    static KeysAlike of(Collection<RegistryKey> keys) {
        Map<Shape, List<RegistryKey>> byShape = new LinkedHashMap<>();
        for (RegistryKey key : keys) {
            byShape.computeIfAbsent(shape(key), s -> new ArrayList<>()).add(key);
        }
        return new KeysAlike(List.copyOf(byShape.values()));
    }

    static Shape shape(RegistryKey key) {
        List<ValueShape> values = new ArrayList<>();
        for (RegistryValue value : key.values()) {
            values.add(new ValueShape(value.name(), value.type(), value.number(), value.text()));
        }
        return new Shape(key.path(), key.written(), values);
    }

    void check(KeyRule rule, Reporter out) {
        for (List<RegistryKey> group : groups) {
            RegistryKey first = group.get(0);
            HeldFindings found = new HeldFindings();
            rule.check(first, found.reporter());
            found.report(out);
            if (found.isEmpty()) {
                continue;
            }
            for (RegistryKey other : group.subList(1, group.size())) {
                if (!found.reportAt(HeldFindings.places(List.of(first), List.of(other)), out)) {
                    // A finding at a place that is neither the key nor one of its values: ask the rule again.
                    rule.check(other, out);
                }
            }
        }
    }
}
