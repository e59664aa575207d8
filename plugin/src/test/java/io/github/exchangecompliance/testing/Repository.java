package io.github.exchangecompliance.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a repository a test checks. */
public final class Repository {

    private Repository() {}

    /** Writes a UTF-8 file at a path relative to the repository, making its folders. */
    public static Path write(Path repository, String path, String text) throws IOException {
        Path file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
