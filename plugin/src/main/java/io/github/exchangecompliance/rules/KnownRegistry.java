package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.load.Suggestions;
import io.github.exchangecompliance.model.RegistryPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry keys the rules read, with the values they read there, so that a near miss of one (a typo anywhere in
 * the path, {@code SecurityProvider} for {@code SecurityProviders}, or in a value's name, {@code SchUseStrongCrpyto})
 * can be named with the key or value meant instead of passing as a key nobody reads.
 */
final class KnownRegistry {

    /** Each key and the values read under it (empty: the key matters only as a parent of others). */
    private static final Map<RegistryPath, List<String>> KEYS = keys();
    /** The same by match key (lower case): every key of every server is looked up here, so by hash, not by scan. */
    private static final Map<String, List<String>> BY_MATCH_KEY = KEYS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(e -> e.getKey().matchKey(), Map.Entry::getValue));

    private static final Set<String> VALUE_NAMES = KEYS.values().stream()
            .flatMap(List::stream)
            .map(v -> v.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private KnownRegistry() {}

    private static Map<RegistryPath, List<String>> keys() {
        Map<RegistryPath, List<String>> keys = new LinkedHashMap<>();
        keys.put(Tls.SCHANNEL, List.of());
        keys.put(Tls.PROTOCOLS, List.of());
        for (String protocol : Tls.PROTOCOL_KEYS) {
            keys.put(Tls.PROTOCOLS.child(protocol), List.of());
            for (String role : Tls.ROLES) {
                keys.put(Tls.PROTOCOLS.child(protocol).child(role), List.of(Tls.ENABLED, Tls.DISABLED_BY_DEFAULT));
            }
        }
        keys.put(Tls.NET_FRAMEWORK, List.of());
        keys.put(Tls.NET_FRAMEWORK_32, List.of());
        Tls.NET_KEYS.forEach(k -> keys.put(k, Tls.NET_VALUES));
        keys.put(RootAutoUpdateDisabled.AUTH_ROOT, List.of(RootAutoUpdateDisabled.VALUE));
        return keys;
    }

    /** True when the rules read this very key (case as Windows ignores it). */
    static boolean isKnown(RegistryPath path) {
        return BY_MATCH_KEY.containsKey(path.matchKey());
    }

    /** The values read under a known key, or empty. */
    static List<String> valuesOf(RegistryPath path) {
        return BY_MATCH_KEY.getOrDefault(path.matchKey(), List.of());
    }

    /** True when some known key reads a value of this name (it is then misplaced, not misspelt: EX1011). */
    static boolean isValueName(String name) {
        return VALUE_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A known key this one misses by a typo in one or more of its parts, and the parts that differ. */
    record NearMiss(RegistryPath meant, List<String> differences) {}

    /**
     * The known key of the same depth and hive whose every part equals this key's or is a near miss of it (at
     * least one), the nearest if several are; empty when the key is known itself or resembles none.
     */
    static Optional<NearMiss> nearMiss(RegistryPath path) {
        if (isKnown(path)) {
            return Optional.empty();
        }
        NearMiss best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (RegistryPath known : KEYS.keySet()) {
            if (!known.hive().equals(path.hive())
                    || known.segments().size() != path.segments().size()) {
                continue;
            }
            int total = 0;
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < known.segments().size() && total >= 0; i++) {
                String written = path.segments().get(i);
                String meant = known.segments().get(i);
                if (written.equalsIgnoreCase(meant)) {
                    continue;
                }
                int distance = Suggestions.distance(written.toLowerCase(Locale.ROOT), meant.toLowerCase(Locale.ROOT));
                // One slip in a short name, about one in four characters in a long one.
                if (distance > Math.max(1, meant.length() / 4)) {
                    total = -1;
                } else {
                    total += distance;
                    differences.add("'" + written + "' is not " + meant);
                }
            }
            if (total > 0 && total < bestDistance) {
                best = new NearMiss(known, differences);
                bestDistance = total;
            }
        }
        return Optional.ofNullable(best);
    }
}
