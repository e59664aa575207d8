package io.github.exchangecompliance.model;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Where something was written: a file and a 1-based line and column.
 *
 * @param file the file, as found under a source directory
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(Path file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> IN_FILE =
            Comparator.comparingInt(Location::line).thenComparingInt(Location::column);
    private static final Comparator<Location> ORDER = Comparator.comparing(
                    (Location l) -> l.file().toString().replace('\\', '/'))
            .thenComparing(IN_FILE);

    public Location {
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    public static Location startOf(Path file) {
        return new Location(file, 1, 1);
    }

    /** File name and line, for messages that point at another place ("first at ex01.yaml:12"). */
    public String shortText() {
        Path name = file.getFileName();
        return (name == null ? file : name) + ":" + line;
    }

    @Override
    public int compareTo(Location other) {
        // Most comparisons are within one file, whose locations share one path object: no need to compare its text.
        // (Only the very object: on Windows, paths that differ in case are equal, but their texts order apart.)
        return (file == other.file ? IN_FILE : ORDER).compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
