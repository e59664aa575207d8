package io.github.exchangecompliance.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.exchangecompliance.model.Location;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/** The parser's errors as one finding each: its own words and the place it names, on one line. */
final class ParserErrors {

    private ParserErrors() {}

    /** One line with the parser's own words and position, instead of SnakeYAML's multi-line excerpt. */
    static YamlProblem describe(Path file, String text, JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ReaderException unreadable) {
            // SnakeYAML's reader gives a character offset, not a line: count the lines up to it.
            Location at = locate(file, text, unreadable.getPosition());
            return new YamlProblem(
                    String.format(
                            java.util.Locale.ROOT,
                            "the file holds the control character U+%04X, which YAML does not allow",
                            unreadable.getCodePoint()),
                    at);
        }
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new YamlProblem(
                    oneLine(problem + context), new Location(file, mark.getLine() + 1, mark.getColumn() + 1));
        }
        JsonLocation where = e.getLocation();
        Location location =
                where == null ? Location.startOf(file) : new Location(file, where.getLineNr(), where.getColumnNr());
        String message = e.getOriginalMessage();
        if (message != null && message.contains("nesting depth")) {
            message = "the YAML is nested deeper than maxNestingDepth allows";
        }
        return new YamlProblem(oneLine(String.valueOf(message)), location);
    }

    private static Location locate(Path file, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}
