package io.github.exchangecompliance.load;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.stream.Stream;

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
    public record Scan(List<Path> files, List<Path> unreadable) {}

    public Scan scan(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Path realRoot = root.toRealPath();
            // The tree is walked without following links, so that an ordinary file costs one look, not two; the
            // links met on the way are followed afterwards, when they stay inside the root.
            List<Path> links = new ArrayList<>();
            walk(root, files, unreadable, links);
            for (Path link : links) {
                follow(link, root, realRoot, files, unreadable);
            }
        }
        return new Scan(sortedOnce(files), sortedOnce(unreadable));
    }

    /**
     * In order, each once (a file may be reached through links too): sorted, then told apart from their neighbours
     * only, instead of hashing every path. The sort goes parallel where the common pool has threads to spare.
     */
    private static List<Path> sortedOnce(List<Path> paths) {
        Path[] sorted = paths.toArray(Path[]::new);
        Arrays.parallelSort(sorted);
        List<Path> once = new ArrayList<>(sorted.length);
        for (Path path : sorted) {
            if (once.isEmpty() || !once.get(once.size() - 1).equals(path)) {
                once.add(path);
            }
        }
        return List.copyOf(once);
    }

    /** A folder to walk, and its path relative to the root as the globs see it. */
    private record Folder(Path path, String relative) {}

    /** An entry of a folder, and what it is: null when that could not be told. */
    private record Entry(Path path, BasicFileAttributes attributes) {
        static Entry of(Path path) {
            try {
                return new Entry(
                        path, Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            } catch (IOException e) {
                return new Entry(path, null);
            }
        }
    }

    /** From this many entries a folder's entries are looked at on all the threads. */
    private static final int LOOKED_AT_IN_PARALLEL = 64;

    /**
     * Collects the selected files under the root, not following links: the links met are set aside. Telling what
     * an entry is costs a look at the disk, and a folder such as host_vars holds thousands: their entries are
     * looked at in parallel.
     */
    private void walk(Path root, List<Path> files, List<Path> unreadable, List<Path> links) {
        Deque<Folder> folders = new ArrayDeque<>(List.of(new Folder(root, "")));
        while (!folders.isEmpty()) {
            Folder folder = folders.pop();
            List<Path> paths = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
                entries.forEach(paths::add);
            } catch (IOException e) {
                // A folder that cannot be opened holds files that were not checked: the check must say so.
                unreadable.add(folder.path());
            } catch (DirectoryIteratorException e) {
                // Listed in part: files may be missing, which the check must say.
                unreadable.add(folder.path());
            }
            Stream<Path> stream = paths.size() < LOOKED_AT_IN_PARALLEL ? paths.stream() : paths.parallelStream();
            for (Entry entry : stream.map(Entry::of).toList()) {
                // As relative() gives paths to the globs: a backslash in a name counts as a separator.
                String name = entry.path().getFileName().toString().replace('\\', '/');
                String rel = folder.relative().isEmpty() ? name : folder.relative() + "/" + name;
                BasicFileAttributes attributes = entry.attributes();
                if (attributes == null) {
                    if (selected(rel)) {
                        unreadable.add(entry.path());
                    }
                } else if (attributes.isSymbolicLink()) {
                    links.add(entry.path());
                } else if (attributes.isDirectory()) {
                    if (!prunes(rel)) {
                        folders.push(new Folder(entry.path(), rel));
                    }
                } else if (attributes.isRegularFile() && selected(rel)) {
                    files.add(entry.path());
                }
            }
        }
    }

    /** A link found in the tree: a file is taken under the link's name, a directory walked through the link. */
    private void follow(Path link, Path root, Path realRoot, List<Path> files, List<Path> unreadable)
            throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException broken) {
            return;
        }
        String rel = relative(root, link);
        if (!target.startsWith(realRoot)) {
            return;
        }
        if (Files.isDirectory(target)) {
            Path realAbove = link.toAbsolutePath().getParent().toRealPath();
            if (!prunes(rel) && !leadsAbove(link, realAbove)) {
                Files.walkFileTree(
                        link,
                        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                        Integer.MAX_VALUE,
                        new Visitor(root, realRoot, link, realAbove, files, unreadable));
            }
        } else if (Files.isRegularFile(target) && selected(rel)) {
            files.add(link);
        }
    }

    /**
     * Collects the selected files below a link to a directory, following links: it takes a file or enters a
     * directory only when it stays inside the root and does not lead back above the link ({@code realAbove}: the
     * walk below the link sees only its own ancestors).
     */
    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path realRoot;
        private final Path start;
        private final Path realAbove;
        private final List<Path> files;
        private final List<Path> unreadable;

        Visitor(Path root, Path realRoot, Path start, Path realAbove, List<Path> files, List<Path> unreadable) {
            this.root = root;
            this.realRoot = realRoot;
            this.start = start;
            this.realAbove = realAbove;
            this.files = files;
            this.unreadable = unreadable;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean linkToAvoid = Files.isSymbolicLink(dir) && (!inside(dir, realRoot) || leadsAbove(dir, realAbove));
            if (!dir.equals(start) && (prunes(relative(root, dir)) || linkToAvoid)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // Following links, only a broken link shows as one: nothing to read.
            if (attrs.isRegularFile()
                    && selected(relative(root, file))
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
    }

    /**
     * A link to a directory above the link (its folder, or one holding it) leads round in a circle, as the JDK's
     * walker finds when following links from the root.
     */
    private static boolean leadsAbove(Path link, Path realAbove) {
        try {
            return realAbove.startsWith(link.toRealPath());
        } catch (IOException e) {
            return true;
        }
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
        return includes.stream().anyMatch(p -> p.matches(rel))
                && excludes.stream().noneMatch(p -> p.matches(rel));
    }

    /** A directory is skipped whole when an exclude such as {@code **}/target/** matches everything in it. */
    private boolean prunes(String dir) {
        return excludes.stream().anyMatch(p -> p.matches(dir + "/any-file"));
    }

    private static final class Pattern {
        private static final FileSystem FS = FileSystems.getDefault();
        /** {@code **}/*.yml: any file whose name ends so. */
        private static final java.util.regex.Pattern ANY_ENDING =
                java.util.regex.Pattern.compile("\\*\\*/\\*(\\.[^*?\\[\\]{}/]+)");
        /** {@code **}/target/**: anything in a folder of that name. */
        private static final java.util.regex.Pattern ANY_IN_FOLDER =
                java.util.regex.Pattern.compile("\\*\\*/([^*?\\[\\]{}/]+)/\\*\\*");
        /** Whether the platform's globs ignore case (Windows): the globs matched on the text do as well. */
        private static final boolean IGNORES_CASE = FS.getPathMatcher("glob:a").matches(Path.of("A"));

        private final Predicate<String> matcher;

        /**
         * The default includes and excludes are matched on the text: they are asked of every file, and a path
         * matcher needs a path made of each. Other globs go to the JDK's matcher.
         */
        Pattern(String glob) {
            String normal = glob.strip().replace('\\', '/');
            Matcher ending = ANY_ENDING.matcher(normal);
            Matcher folder = ANY_IN_FOLDER.matcher(normal);
            if (ending.matches()) {
                String suffix = ending.group(1);
                this.matcher = rel ->
                        rel.regionMatches(IGNORES_CASE, rel.length() - suffix.length(), suffix, 0, suffix.length());
            } else if (folder.matches()) {
                String segment = fold("/" + folder.group(1) + "/");
                this.matcher = rel -> fold("/" + rel).contains(segment);
            } else {
                PathMatcher path = pathMatcher(normal);
                this.matcher = rel -> path.matches(Path.of(rel));
            }
        }

        private static String fold(String text) {
            return IGNORES_CASE ? text.toLowerCase(Locale.ROOT) : text;
        }

        private static PathMatcher pathMatcher(String normal) {
            PathMatcher anywhere = FS.getPathMatcher("glob:" + normal);
            if (normal.startsWith("**/")) {
                // "**/" also matches no directory at all, as in Maven and Ant.
                PathMatcher atTop = pathMatcher(normal.substring(3));
                return path -> anywhere.matches(path) || atTop.matches(path);
            }
            return anywhere;
        }

        boolean matches(String rel) {
            return matcher.test(rel);
        }
    }
}
