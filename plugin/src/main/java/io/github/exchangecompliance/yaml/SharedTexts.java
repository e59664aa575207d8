package io.github.exchangecompliance.yaml;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short text the files repeat: keys ({@code Enabled}, a registry key path) and values
 * ({@code 0}, {@code SE RTM}) that ten thousand servers each write again. The model keeps what it reads for the
 * whole run, and without this held ten million strings for 10,000 servers declaring their whole TLS registry.
 * Bounded, so a repository of distinct texts only stops sharing them; shared by the threads that read files.
 */
final class SharedTexts {

    /** Longer texts rarely repeat (certificates' names, scripts) and are left as they are. */
    private static final int MOST_CHARS = 200;

    private static final int MOST_TEXTS = 1 << 16;

    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

    String of(String text) {
        if (text == null || text.length() > MOST_CHARS) {
            return text;
        }
        String shared = texts.get(text);
        if (shared != null) {
            return shared;
        }
        if (texts.size() >= MOST_TEXTS) {
            return text;
        }
        shared = texts.putIfAbsent(text, text);
        return shared == null ? text : shared;
    }
}
