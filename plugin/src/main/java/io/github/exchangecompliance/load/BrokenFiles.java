package io.github.exchangecompliance.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files that failed to parse, whose documents may define what others name: a reference to a name that one of
 * them mentions is not reported as undefined, since the syntax error (EX0001) is the one mistake to fix. Each file's
 * text is read once, lazily, and only as far as the YAML limit (a file refused for its size may be huge).
 */
public final class BrokenFiles {

    private static final int MAX_CHARS = 16 * 1024 * 1024;

    private final List<Path> files;
    private final Map<Path, String> texts = new ConcurrentHashMap<>();

    public BrokenFiles(List<Path> files) {
        this.files = List.copyOf(files);
    }

    public static BrokenFiles none() {
        return new BrokenFiles(List.of());
    }

    /** True when the text of a broken file holds the name (without regard to case, as names are compared). */
    public boolean mention(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return !wanted.isBlank()
                && files.stream()
                        .anyMatch(
                                f -> texts.computeIfAbsent(f, BrokenFiles::read).contains(wanted));
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_CHARS), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
