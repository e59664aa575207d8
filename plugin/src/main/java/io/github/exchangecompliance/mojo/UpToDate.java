package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.engine.CheckConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a check can be skipped: when no input file (any file under the source directories, so inventories and
 * certificates count too), parameter or plugin version changed since the last successful check, whose state is
 * kept in {@code target/exchange-compliance/.check-state}. Files are compared by path, size and modification time,
 * as Maven's own incremental builds do.
 */
final class UpToDate {

    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules");

    private final Path stateFile;
    private final String state;

    /**
     * @param failOnSeverity part of the state: a run that passed with {@code none} says nothing of one with
     *     {@code error}, which must check again (and fail)
     */
    UpToDate(
            CheckConfig config, String pluginVersion, List<String> formats, String failOnSeverity, Path outputDirectory)
            throws IOException {
        this.stateFile = outputDirectory.resolve(".check-state");
        StringBuilder text = new StringBuilder(pluginVersion)
                .append('\n')
                .append(config)
                .append('\n')
                .append(formats)
                .append('\n')
                .append(failOnSeverity)
                .append('\n');
        // An inventory or exports the parameters name may lie outside the source directories: their files count too.
        for (Path root : Stream.of(config.sourceDirectories(), config.ansibleInventories(), config.exports())
                .flatMap(List::stream)
                .toList()) {
            for (String line : Files.isRegularFile(root) ? List.of(describe(root)) : files(root)) {
                text.append(line).append('\n');
            }
        }
        if (config.baselineFile() != null && Files.isRegularFile(config.baselineFile())) {
            text.append(describe(config.baselineFile())).append('\n');
        }
        this.state = hash(text.toString());
    }

    /** True when the last successful check saw exactly this state, and its reports are still there. */
    boolean isUpToDate(List<Path> reports) {
        try {
            return Files.isRegularFile(stateFile)
                    && Files.readString(stateFile).strip().equals(state)
                    && reports.stream().allMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }

    void recordSuccess() throws IOException {
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, state + "\n", StandardCharsets.UTF_8);
    }

    void forget() throws IOException {
        Files.deleteIfExists(stateFile);
    }

    private static List<String> files(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return lines;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && SKIPPED_FOLDERS.contains(String.valueOf(dir.getFileName()))
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                lines.add(root.relativize(file) + "|" + attrs.size() + "|"
                        + attrs.lastModifiedTime().toMillis());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                lines.add(root.relativize(file) + "|unreadable");
                return FileVisitResult.CONTINUE;
            }
        });
        lines.sort(null);
        return lines;
    }

    private static String describe(Path file) throws IOException {
        return file + "|" + Files.size(file) + "|"
                + Files.getLastModifiedTime(file).toMillis();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
