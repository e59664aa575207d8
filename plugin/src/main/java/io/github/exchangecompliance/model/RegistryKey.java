package io.github.exchangecompliance.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A registry key as declared, with its values by case-insensitive name. */
public final class RegistryKey {

    private final RegistryPath path;
    private final String written;
    private final Location location;
    private final Map<String, RegistryValue> values = new LinkedHashMap<>();
    /**
     * The hash, once computed; 0 until then and after every change. Every server shares its groups' keys, and
     * comparing servers' registries would otherwise hash each shared key once for each server.
     */
    private int hash;
    /**
     * Set once the key belongs to more than one registry ({@link Registry#addAll}): it is not changed any more, and
     * a registry copies it to change it. Volatile: hosts evaluated in parallel share keys.
     */
    private volatile boolean shared;

    public RegistryKey(RegistryPath path, String written, Location location) {
        this.path = path;
        this.written = written;
        this.location = location;
    }

    public RegistryPath path() {
        return path;
    }

    /** The key as the repository spelt it. */
    public String written() {
        return written;
    }

    public Location location() {
        return location;
    }

    /** The values, read-only: a change goes through {@link #put}, which forgets the hash. */
    public Collection<RegistryValue> values() {
        return Collections.unmodifiableCollection(values.values());
    }

    public Optional<RegistryValue> value(String name) {
        // A key holds a few values: comparing their names costs less than lower-casing the name asked for.
        for (RegistryValue value : values.values()) {
            if (value.name().equalsIgnoreCase(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Adds or replaces a value; the latest declaration wins, as it would on the server. */
    public void put(RegistryValue value) {
        if (shared) {
            throw new IllegalStateException("the key " + path.text() + " is shared by several registries; a "
                    + "registry copies it to change it");
        }
        values.put(value.name().toLowerCase(Locale.ROOT), value);
        hash = 0;
    }

    /**
     * Keys are equal when they say the same: path, spelling, place and values. Rules compare them once the model
     * is built and nothing changes them any more, to check what many servers share once.
     */
    @Override
    public boolean equals(Object other) {
        return other == this
                || (other instanceof RegistryKey key
                        && key.path.equals(path)
                        && key.written.equals(written)
                        && Objects.equals(key.location, location)
                        && key.values.equals(values));
    }

    @Override
    public int hashCode() {
        if (hash == 0) {
            hash = Objects.hash(path, written, location, values);
        }
        return hash;
    }

    boolean isShared() {
        return shared;
    }

    /** Marks the key as held by more than one registry (written only when not marked yet: many threads ask). */
    void share() {
        if (!shared) {
            shared = true;
        }
    }

    /** A copy that is not shared, to change. */
    RegistryKey copy() {
        RegistryKey copy = new RegistryKey(path, written, location);
        copy.values.putAll(values);
        return copy;
    }
}
