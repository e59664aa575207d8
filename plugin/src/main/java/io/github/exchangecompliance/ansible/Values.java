package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Numbers;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** YAML nodes as the values Ansible sees (YAML 1.1 booleans included), each keeping where it was written. */
final class Values {

    private Values() {}

    static Var of(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return new Var(scalar(s), s.location());
        }
        if (node instanceof YamlSeq seq) {
            List<Object> list = new ArrayList<>();
            seq.items().forEach(i -> list.add(of(i)));
            return new Var(list, seq.location());
        }
        YamlMap map = (YamlMap) node;
        Map<String, Object> values = new LinkedHashMap<>();
        map.entries().forEach(e -> values.put(e.name(), of(e.value())));
        return new Var(values, map.location());
    }

    /**
     * A scope with a play's, a role's or a task's own variables over an inherited one: the inherited scope itself
     * when there are none. Scopes are not changed once made, and copying each for every task of every host cost
     * more than evaluating the tasks.
     */
    static Map<String, Var> over(Map<String, Var> inherited, Optional<YamlNode> own) {
        if (own.isEmpty()) {
            return inherited;
        }
        Map<String, Var> scope = new LinkedHashMap<>(inherited);
        addAll(scope, own.get());
        return scope;
    }

    /** Adds a mapping's entries to a variable table, later ones over earlier ones. */
    static void addAll(Map<String, Var> into, YamlNode node) {
        if (node instanceof YamlMap map) {
            map.entries().forEach(e -> into.put(e.name(), of(e.value())));
        }
    }

    private static Object scalar(YamlScalar s) {
        return switch (s.kind()) {
            case NULL -> null;
            case INTEGER -> {
                try {
                    String t = s.text().replace("_", "");
                    yield Numbers.decimalOrHex(t);
                } catch (NumberFormatException e) {
                    yield s.text();
                }
            }
            case BOOLEAN -> Jinja.truthy(s.text().toLowerCase(Locale.ROOT));
            default -> s.text();
        };
    }

    /** Unwraps the values inside lists and maps, for loops and module parameters. */
    static Object plain(Object value) {
        if (value instanceof Var v) {
            return plain(v.value());
        }
        return value;
    }
}
