package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryScope;
import io.github.exchangecompliance.rules.RegistryRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry scopes the registry rules inspect: every group's, and the servers' grouped by what their merged
 * registries say apart from where (each key's {@link KeysAlike.Shape}, in order). What a registry rule finds
 * depends on the registry alone, and on the group for a group's ({@link RegistryRule}), so it checks the first
 * server of a group and the others get its findings at their own places.
 */
final class ScopesAlike {

    private final List<List<RegistryScope>> groups;

    private ScopesAlike(List<List<RegistryScope>> groups) {
        this.groups = groups;
    }

    static ScopesAlike of(List<RegistryScope> scopes) {
        Map<Object, List<RegistryScope>> alike = new LinkedHashMap<>();
        for (RegistryScope scope : scopes) {
            // A group's scope is checked on its own: what is found may depend on the group.
            Object shape = scope.group().isPresent()
                    ? new Object()
                    : scope.registry().keys().stream().map(KeysAlike::shape).toList();
            alike.computeIfAbsent(shape, s -> new ArrayList<>()).add(scope);
        }
        return new ScopesAlike(List.copyOf(alike.values()));
    }

    void check(RegistryRule rule, Reporter out) {
        for (List<RegistryScope> group : groups) {
            RegistryScope first = group.get(0);
            HeldFindings found = new HeldFindings();
            rule.check(first, found.reporter());
            found.report(out);
            if (found.isEmpty()) {
                continue;
            }
            List<RegistryKey> firstKeys = List.copyOf(first.registry().keys());
            for (RegistryScope other : group.subList(1, group.size())) {
                if (!found.reportAt(
                        HeldFindings.places(firstKeys, other.registry().keys()), out)) {
                    rule.check(other, out);
                }
            }
        }
    }
}
