package io.github.exchangecompliance.model;

import java.util.Collection;
import java.util.Iterator;
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

    /**
     * The key for a path, created on first use; keys written twice in different spellings join here. A key shared
     * with other registries is copied first: it is changed here only.
     */
    public RegistryKey keyFor(RegistryPath path, String written, io.github.exchangecompliance.model.Location at) {
        RegistryKey key = keys.get(path.matchKey());
        if (key == null || key.isShared()) {
            RegistryKey created = key == null ? new RegistryKey(path, written, at) : key.copy();
            keys.put(path.matchKey(), created);
            return created;
        }
        return key;
    }

    /**
     * Adds every value of another registry, key by key and in order, as {@link #keyFor} and {@link RegistryKey#put}
     * would. A key this registry does not have yet is shared rather than copied: an Ansible task evaluated once for
     * 10,000 hosts then gives all of them one key object, which the rules hash and compare once.
     */
    public void addAll(Registry other) {
        for (RegistryKey key : other.keys.values()) {
            RegistryKey mine = keys.get(key.path().matchKey());
            if (mine == null) {
                key.share();
                keys.put(key.path().matchKey(), key);
            } else {
                RegistryKey changed = keyFor(key.path(), key.written(), key.location());
                key.values().forEach(changed::put);
            }
        }
    }

    /** Registries are equal when they declare equal keys ({@link RegistryKey#equals}). */
    @Override
    @SuppressWarnings("ReferenceEquality") // the identity check is a shortcut before the comparison by value
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Registry registry) || registry.keys.size() != keys.size()) {
            return false;
        }
        // Servers evaluated alike share their key objects, in one order: the objects are compared first, and only
        // registries that differ there are compared key by key.
        Iterator<RegistryKey> mine = keys.values().iterator();
        Iterator<RegistryKey> theirs = registry.keys.values().iterator();
        boolean sameObjects = true;
        while (sameObjects && mine.hasNext()) {
            sameObjects = mine.next() == theirs.next();
        }
        return sameObjects || registry.keys.equals(keys);
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
     * side declares is shared, not copied (and copied by {@link #keyFor} before a change), and rules about one key
     * check a shared key once (the rules' KeyRule).
     */
    public Registry overlaidWith(Registry top) {
        Registry merged = new Registry();
        keys.values().forEach(RegistryKey::share);
        merged.keys.putAll(keys);
        for (RegistryKey key : top.keys.values()) {
            RegistryKey below = merged.keys.get(key.path().matchKey());
            if (below == null) {
                key.share();
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
