package io.github.exchangecompliance.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The registry keys and values declared for a server or a group. */
public final class Registry {

    private final Map<String, RegistryKey> keys = new LinkedHashMap<>();

    public Collection<RegistryKey> keys() {
        return keys.values();
    }

    public Optional<RegistryKey> key(RegistryPath path) {
        return Optional.ofNullable(keys.get(path.matchKey()));
    }

    public Optional<RegistryValue> value(RegistryPath path, String name) {
        return key(path).flatMap(k -> k.value(name));
    }

    /** The key for a path, created on first use; keys written twice in different spellings join here. */
    public RegistryKey keyFor(RegistryPath path, String written, io.github.exchangecompliance.engine.Location at) {
        return keys.computeIfAbsent(path.matchKey(), k -> new RegistryKey(path, written, at));
    }

    /** Registries are equal when they declare equal keys ({@link RegistryKey#equals}). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Registry registry && registry.keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * This registry with {@code top}'s values laid over it, value by value: the top's value wins. A key only one
     * side declares is shared, not copied: registries are not changed once merged, and rules about one key check a
     * shared key once ({@link io.github.exchangecompliance.rules.KeyRule}).
     */
    public Registry overlaidWith(Registry top) {
        Registry merged = new Registry();
        merged.keys.putAll(keys);
        for (RegistryKey key : top.keys.values()) {
            RegistryKey below = merged.keys.get(key.path().matchKey());
            if (below == null) {
                merged.keys.put(key.path().matchKey(), key);
            } else {
                RegistryKey both = below.copy();
                key.values().forEach(both::put);
                merged.keys.put(key.path().matchKey(), both);
            }
        }
        return merged;
    }
}
