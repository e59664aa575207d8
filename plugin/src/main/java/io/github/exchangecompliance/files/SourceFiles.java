package io.github.exchangecompliance.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a check may read: those inside the source directories once links are resolved, regular files only,
 * and never more of one than a limit. A pull request controls what its files name (an include, a role, an
 * inventory, a certificate file, a link); without these checks it could make CI read and print a file outside the
 * repository, or block on a FIFO or a device such as {@code /dev/zero}.
 */
public final class SourceFiles {

    /** The most bytes one array holds: a larger limit still reads no more than this. */
    public static final long MOST_BYTES = Integer.MAX_VALUE - 16;

    /** The source directories as they really are (links resolved); those that do not exist are left out. */
    private final List<Path> realRoots;

    public SourceFiles(List<Path> roots) {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
            } catch (IOException | SecurityException e) {
                // A root that does not exist holds nothing to read.
            }
        }
        this.realRoots = List.copyOf(real);
    }

    /**
     * The path a name written in the repository stands for, resolved against a folder; refused when the name is
     * no path (a NUL character, say).
     */
    public static Path resolve(Path folder, String name) throws Refused {
        try {
            return folder.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new Refused(Refused.Reason.NOT_A_PATH, "is not a path (" + e.getReason() + ")");
        }
    }

    /**
     * The file, when it may be read: it exists, it is a regular file, and it lies inside a source directory once
     * its links are resolved. Asked before the file is opened: opening a FIFO blocks.
     */
    public Path check(Path file) throws Refused {
        Path real;
        BasicFileAttributes attributes;
        try {
            real = file.toRealPath();
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refused(Refused.Reason.MISSING, "does not exist");
        } catch (IOException | SecurityException e) {
            throw new Refused(
                    Refused.Reason.UNREADABLE, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (realRoots.stream().noneMatch(real::startsWith)) {
            throw new Refused(
                    Refused.Reason.OUTSIDE,
                    "is outside the source directories"
                            + (real.equals(file.toAbsolutePath().normalize()) ? "" : " (it leads to " + real + ")")
                            + "; it was not read");
        }
        if (!attributes.isRegularFile()) {
            if (attributes.isDirectory()) {
                throw new Refused(Refused.Reason.FOLDER, "is a folder, not a file");
            }
            throw notRegular();
        }
        return real;
    }

    /** True when the path lies inside a source directory once its links are resolved (a folder, say). */
    public boolean isInside(Path path) {
        try {
            Path real = path.toRealPath();
            return realRoots.stream().anyMatch(real::startsWith);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * A file's bytes, at most {@code limit} of them: the size is taken from what is read, not from the file system,
     * which says 0 for {@code /proc} files and devices. A regular file only: a FIFO or device is refused before it
     * is opened. Does not check where the file lies: {@link #check} does.
     */
    public static byte[] read(Path file, long limit) throws IOException, Refused {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw notRegular();
        }
        long most = Math.min(limit, MOST_BYTES);
        try (InputStream in = Files.newInputStream(file)) {
            // One byte more than the limit tells a file over it; readNBytes grows its buffer with what it reads.
            byte[] bytes = in.readNBytes((int) Math.min(most + 1, MOST_BYTES));
            if (bytes.length > most || (bytes.length == MOST_BYTES && in.read() >= 0)) {
                throw tooLarge(limit);
            }
            return bytes;
        }
    }

    private static Refused tooLarge(long limit) {
        return new Refused(Refused.Reason.TOO_LARGE, "is larger than " + limit + " bytes; it was not read");
    }

    private static Refused notRegular() {
        return new Refused(
                Refused.Reason.NOT_REGULAR, "is not a regular file (a device, FIFO or socket); it was not " + "read");
    }

    /** A text file (UTF-8; bytes that are not UTF-8 become U+FFFD), at most {@code limit} bytes. */
    public static String readText(Path file, long limit) throws IOException, Refused {
        byte[] bytes = read(file, limit);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }
}
