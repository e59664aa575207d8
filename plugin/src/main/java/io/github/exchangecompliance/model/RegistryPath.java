package io.github.exchangecompliance.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry key path, normalised from the spellings infrastructure code uses ({@code HKLM\...},
 * {@code HKLM:\...}, {@code HKEY_LOCAL_MACHINE\...}, {@code Registry::HKEY_LOCAL_MACHINE\...}, with {@code \} or,
 * in a path without any {@code \}, {@code /}). Windows compares key names case-insensitively, and so does {@link #matchKey()}.
 * It holds the short hive name ({@code HKLM}, {@code HKCU}, ...) and the key names below it, as written.
 */
public final class RegistryPath {

    private static final Map<String, String> HIVES = Map.of(
            "HKEY_LOCAL_MACHINE",
            "HKLM",
            "HKEY_CURRENT_USER",
            "HKCU",
            "HKEY_CLASSES_ROOT",
            "HKCR",
            "HKEY_USERS",
            "HKU",
            "HKEY_CURRENT_CONFIG",
            "HKCC",
            "HKLM",
            "HKLM",
            "HKCU",
            "HKCU",
            "HKCR",
            "HKCR",
            "HKU",
            "HKU",
            "HKCC",
            "HKCC");

    private final String hive;
    private final List<String> segments;
    // Rules look keys up many times a server: the texts are computed once.
    private final String text;
    private final String matchKey;
    private RegistryPath parent;

    public RegistryPath(String hive, List<String> segments) {
        this.hive = hive;
        this.segments = List.copyOf(segments);
        this.text = this.segments.isEmpty() ? hive : hive + "\\" + String.join("\\", this.segments);
        this.matchKey = text.toLowerCase(Locale.ROOT);
    }

    public String hive() {
        return hive;
    }

    public List<String> segments() {
        return segments;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryPath p && p.matchKey.equals(matchKey);
    }

    @Override
    public int hashCode() {
        return matchKey.hashCode();
    }

    /**
     * Paths parsed, by their text: servers write the same few dozen keys again and again, and each parse
     * lower-cased, split and joined the path anew (the most time of a check of 10,000 servers that each declare
     * their TLS registry). Bounded; a path is immutable, so sharing it is safe.
     */
    private static final BoundedMemo<String, Optional<RegistryPath>> PARSED =
            new BoundedMemo<>(1 << 14, RegistryPath::parseNew);

    /** Parses a written key path; empty when it does not start with a registry hive. */
    public static Optional<RegistryPath> parse(String written) {
        return PARSED.get(written);
    }

    private static Optional<RegistryPath> parseNew(String written) {
        // "/" separates keys only in a path written without "\": cipher keys such as "RC4 128/128" contain one.
        String text = written.strip();
        if (text.indexOf('\\') < 0) {
            text = text.replace('/', '\\');
        }
        int providerEnd = text.toLowerCase(Locale.ROOT).indexOf("registry::");
        if (providerEnd >= 0) {
            text = text.substring(providerEnd + "registry::".length());
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\\\")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String first = parts.remove(0);
        if (first.endsWith(":")) {
            first = first.substring(0, first.length() - 1);
        }
        String hive = HIVES.get(first.toUpperCase(Locale.ROOT));
        return hive == null ? Optional.empty() : Optional.of(new RegistryPath(hive, parts));
    }

    public static RegistryPath of(String hive, String... segments) {
        return new RegistryPath(hive, List.of(segments));
    }

    /** The path as messages print it: {@code HKLM\SYSTEM\...}. */
    public String text() {
        return text;
    }

    /** Case-insensitive identity, for maps. */
    public String matchKey() {
        return matchKey;
    }

    public String last() {
        return segments.isEmpty() ? hive : segments.get(segments.size() - 1);
    }

    public Optional<RegistryPath> parent() {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        if (parent == null) {
            parent = new RegistryPath(hive, segments.subList(0, segments.size() - 1));
        }
        return Optional.of(parent);
    }

    public RegistryPath child(String name) {
        List<String> more = new ArrayList<>(segments);
        more.add(name);
        return new RegistryPath(hive, more);
    }

    public RegistryPath withHive(String otherHive) {
        return new RegistryPath(otherHive, segments);
    }

    /** True when both name the same key, ignoring case. */
    public boolean sameAs(RegistryPath other) {
        return matchKey().equals(other.matchKey());
    }

    /** True when this key lies under {@code ancestor} (or is it), ignoring case. */
    public boolean isUnder(RegistryPath ancestor) {
        String mine = matchKey;
        String theirs = ancestor.matchKey;
        return mine.equals(theirs) || mine.startsWith(theirs + "\\");
    }

    @Override
    public String toString() {
        return text();
    }
}
