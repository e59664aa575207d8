package io.github.exchangecompliance.files;

import java.nio.file.Path;

/** Paths as every report prints them: relative to a base directory, with forward slashes. */
public final class RelativePaths {

    private RelativePaths() {}

    /** The file relative to the base, or absolute when it lies outside it; with forward slashes. */
    public static String relativize(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
