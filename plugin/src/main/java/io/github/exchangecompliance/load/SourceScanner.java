package io.github.exchangecompliance.load;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the files to check under the source directories, by Ant-style globs relative to each root
 * ({@code **}/ matches zero or more directories, as in Maven). Symbolic links are followed only while they stay
 * inside the root; link loops are skipped.
 */
public final class SourceScanner {

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public SourceScanner(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(Pattern::new).toList();
        this.excludes = excludes.stream().map(Pattern::new).toList();
    }

    /** What was found: files to read, and files that matched but could not even be listed. */
    public record Scan(List<Path> files, List<Path> unreadable) {
    }

    public Scan scan(List<Path> roots) throws IOException {
        TreeSet<Path> files = new TreeSet<>();
        TreeSet<Path> unreadable = new TreeSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Path realRoot = root.toRealPath();
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                                throws IOException {
                            if (!dir.equals(root) && (prunes(relative(root, dir))
                                    || Files.isSymbolicLink(dir) && !inside(dir, realRoot))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                            String rel = relative(root, file);
                            // Resolving every path is costly: only links can lead out of the root (directories
                            // reached through a link were checked when entered).
                            if (attrs.isRegularFile() && selected(rel)
                                    && (!Files.isSymbolicLink(file) || inside(file, realRoot))) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!(e instanceof FileSystemLoopException) && selected(relative(root, file))) {
                                unreadable.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        }
        return new Scan(new ArrayList<>(files), new ArrayList<>(unreadable));
    }

    private static boolean inside(Path path, Path realRoot) {
        try {
            return path.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    boolean selected(String rel) {
        return includes.stream().anyMatch(p -> p.matches(rel)) && excludes.stream().noneMatch(p -> p.matches(rel));
    }

    /** A directory is skipped whole when an exclude such as {@code **}/target/** matches everything in it. */
    private boolean prunes(String dir) {
        return excludes.stream().anyMatch(p -> p.matches(dir + "/any-file"));
    }

    private static final class Pattern {
        private static final FileSystem FS = FileSystems.getDefault();
        private final PathMatcher matcher;

        Pattern(String glob) {
            String normal = glob.strip().replace('\\', '/');
            PathMatcher anywhere = FS.getPathMatcher("glob:" + normal);
            if (normal.startsWith("**/")) {
                // "**/" also matches no directory at all, as in Maven and Ant.
                PathMatcher atTop = new Pattern(normal.substring(3)).matcher;
                this.matcher = path -> anywhere.matches(path) || atTop.matches(path);
            } else {
                this.matcher = anywhere;
            }
        }

        boolean matches(String rel) {
            return matcher.matches(Path.of(rel));
        }
    }
}
