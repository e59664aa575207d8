package io.github.exchangecompliance.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each line of a checked file ends, so a SARIF region can cover what a finding points at (from its column to
 * the end of that line's text) rather than one character. Each file is read once, only as far as the last line a
 * finding needs; the text itself never reaches a report (it may hold secrets), only lengths.
 */
final class LineEnds {

    private final Map<Path, List<Integer>> ends = new HashMap<>();

    /** Reads what the given lines need: {@code lastLines} maps each file to the last line asked of it. */
    LineEnds(Map<Path, Integer> lastLines) {
        lastLines.forEach((file, last) -> ends.put(file, read(file, last)));
    }

    /**
     * The 1-based column just after the last non-blank character of a line (SARIF's exclusive {@code endColumn}),
     * or 0 when the file could not be read or the line is blank from {@code column} on.
     */
    int endColumn(Path file, int line, int column) {
        List<Integer> lines = ends.getOrDefault(file, List.of());
        if (line > lines.size()) {
            return 0;
        }
        int end = lines.get(line - 1) + 1;
        return end > column ? end : 0;
    }

    private static List<Integer> read(Path file, int last) {
        List<Integer> lengths = new ArrayList<>();
        // Malformed bytes become replacement characters: a region is a hint, never a reason to fail the report.
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String text;
            while (lengths.size() < last && (text = reader.readLine()) != null) {
                lengths.add(text.stripTrailing().length());
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return lengths;
    }
}
