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
import java.util.List;
import java.util.Map;

/**
 * What a rule found on one of several inputs that say the same, held back so that the others get it at their own
 * places ({@link KeysAlike}, {@link ScopesAlike}).
 */
final class HeldFindings {

    /** A finding; the severity is null when the rule left it to its own. */
    private record Held(Severity severity, Location location, String message) {}

    private final List<Held> held = new ArrayList<>();

    /** The reporter that holds what the rule finds. */
    Reporter reporter() {
        return new Reporter() {
            @Override
            public void report(Location location, String message) {
                held.add(new Held(null, location, message));
            }

            @Override
            public void report(Severity defaultSeverity, Location location, String message) {
                held.add(new Held(defaultSeverity, location, message));
            }
        };
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** Reports every finding, each at the place {@code places} gives for its own; false (nothing reported) when a
     * finding stands at a place the map does not hold. */
    boolean reportAt(Map<Location, Location> places, Reporter out) {
        if (!held.stream().allMatch(h -> places.containsKey(h.location()))) {
            return false;
        }
        for (Held h : held) {
            Location at = places.get(h.location());
            if (h.severity() == null) {
                out.report(at, h.message());
            } else {
                out.report(h.severity(), at, h.message());
            }
        }
        return true;
    }

    /** Reports every finding where it was found. */
    void report(Reporter out) {
        held.forEach(h -> {
            if (h.severity() == null) {
                out.report(h.location(), h.message());
            } else {
                out.report(h.severity(), h.location(), h.message());
            }
        });
    }

    /**
     * Where each place of the keys {@code first} (a key, each of its values) stands among {@code other}, keys that
     * say the same in the same order.
     */
    static Map<Location, Location> places(Collection<RegistryKey> first, Collection<RegistryKey> other) {
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
