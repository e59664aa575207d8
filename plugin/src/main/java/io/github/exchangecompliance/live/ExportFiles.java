package io.github.exchangecompliance.live;

import io.github.exchangecompliance.clixml.CliXmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The export files under the folders (or files) the user names, recognised by their content: an administrator
 * names them for the day or the server, not for the cmdlet, and keeps notes beside them.
 *
 * @param exports the CliXml files, sorted
 * @param others the files that are not CliXml, sorted (the caller says they were left out)
 * @param missing the roots that do not exist
 */
public record ExportFiles(List<Path> exports, List<Path> others, List<Path> missing) {

    /** Deep enough for a folder a day and a folder a server; links are not followed. */
    private static final int MOST_DEPTH = 8;

    public ExportFiles {
        exports = List.copyOf(exports);
        others = List.copyOf(others);
        missing = List.copyOf(missing);
    }

    public static ExportFiles find(List<Path> roots) throws IOException {
        List<Path> exports = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                missing.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root, MOST_DEPTH)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    (isCliXml(file) ? exports : others).add(file);
                }
            }
        }
        return new ExportFiles(exports, others, missing);
    }

    private static boolean isCliXml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CliXmlReader.looksLikeCliXml(in.readNBytes(1024));
        } catch (IOException e) {
            // Unreadable: the reader will say so at the file, where the user looks.
            return file.getFileName()
                    .toString()
                    .toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".xml");
        }
    }
}
