package io.github.exchangecompliance.yaml;

import io.github.exchangecompliance.model.BoundedMemo;

/**
 * One copy of each short text the files repeat: keys ({@code Enabled}, a registry key path) and values
 * ({@code 0}, {@code SE RTM}) that ten thousand servers each write again. The model keeps what it reads for the
 * whole run, and without this held ten million strings for 10,000 servers declaring their whole TLS registry.
 * Bounded, so a repository of distinct texts only stops sharing them; shared by the threads that read files.
 */
final class SharedTexts {

    /** Longer texts rarely repeat (certificates' names, scripts) and are left as they are. */
    private static final int MOST_CHARS = 200;

    private final BoundedMemo<String, String> texts = new BoundedMemo<>(1 << 16, text -> text);

    String of(String text) {
        return text == null || text.length() > MOST_CHARS ? text : texts.get(text);
    }
}
