package io.github.exchangecompliance.load;

import java.nio.file.Path;

/** Paths made absolute and normal, as the files read are recorded and looked up. */
public final class NormalPaths {

    private NormalPaths() {}

    /**
     * The path, absolute and normal. Thousands of files are recorded so, and the paths found under an absolute
     * source directory are normal already: normalizing one costs more than looking at its text, so that is done
     * only when a name {@code .} or {@code ..} may be in it (such a name follows a separator).
     */
    public static Path of(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.toString().contains(absolute.getFileSystem().getSeparator() + ".")
                ? absolute.normalize()
                : absolute;
    }
}
