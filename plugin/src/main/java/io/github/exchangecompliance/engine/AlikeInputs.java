package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Inputs of a rule (registry keys, registry scopes) grouped by what they say apart from where they stand. What a
 * key or registry rule finds depends on that alone ({@code KeyRule}, {@code RegistryRule}), so the rule checks the
 * first input of a group and the others get its findings, with the same words, at their own places: the key and
 * each value in the same position. 10,000 servers that each declare the same TLS keys in their own files cost what
 * one server costs. A finding at a place that is neither makes the rule check that input itself.
 *
 * @param <T> the kind of input
 */
final class AlikeInputs<T> {

    private final List<List<T>> groups;
    private final Function<T, Collection<RegistryKey>> keysOf;

    private AlikeInputs(List<List<T>> groups, Function<T, Collection<RegistryKey>> keysOf) {
        this.groups = groups;
        this.keysOf = keysOf;
    }

    /**
     * @param shape what an input says apart from where; inputs of equal shapes are alike
     * @param keysOf the keys an input's findings stand at, in an order that alike inputs share
     */
    static <T> AlikeInputs<T> of(
            Collection<T> inputs, Function<T, Object> shape, Function<T, Collection<RegistryKey>> keysOf) {
        Map<Object, List<T>> alike = new LinkedHashMap<>();
        for (T input : inputs) {
            alike.computeIfAbsent(shape.apply(input), s -> new ArrayList<>()).add(input);
        }
        return new AlikeInputs<>(List.copyOf(alike.values()), keysOf);
    }

    void check(BiConsumer<T, Reporter> rule, Reporter out) {
        for (List<T> group : groups) {
            T first = group.get(0);
            List<Held> found = new ArrayList<>();
            rule.accept(first, holding(found));
            found.forEach(held -> held.to(out, held.location()));
            if (found.isEmpty()) {
                continue;
            }
            for (T other : group.subList(1, group.size())) {
                Map<Location, Location> places = places(keysOf.apply(first), keysOf.apply(other));
                if (found.stream().allMatch(held -> places.containsKey(held.location()))) {
                    found.forEach(held -> held.to(out, places.get(held.location())));
                } else {
                    rule.accept(other, out);
                }
            }
        }
    }

    /** A finding held back; the severity is null when the rule left it to its own. */
    private record Held(Severity severity, Location location, String message) {
        void to(Reporter out, Location at) {
            if (severity == null) {
                out.report(at, message);
            } else {
                out.report(severity, at, message);
            }
        }
    }

    private static Reporter holding(List<Held> found) {
        return new Reporter() {
            @Override
            public void report(Location location, String message) {
                found.add(new Held(null, location, message));
            }

            @Override
            public void report(Severity defaultSeverity, Location location, String message) {
                found.add(new Held(defaultSeverity, location, message));
            }
        };
    }

    /** Where each place of the keys {@code first} (a key, each of its values) stands among {@code other}. */
    private static Map<Location, Location> places(Collection<RegistryKey> first, Collection<RegistryKey> other) {
        Map<Location, Location> places = new HashMap<>();
        Iterator<RegistryKey> theirs = other.iterator();
        for (RegistryKey mine : first) {
            RegistryKey their = theirs.next();
            places.putIfAbsent(mine.location(), their.location());
            Iterator<RegistryValue> theirValues = their.values().iterator();
            for (RegistryValue value : mine.values()) {
                places.putIfAbsent(value.location(), theirValues.next().location());
            }
        }
        return places;
    }
}
