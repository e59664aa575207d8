package io.github.exchangecompliance.files;

/**
 * Why a file the repository names was not read: it lies outside the source directories, is not a regular file,
 * is too large, or its name is no path. The message completes a sentence about the file ("... is outside the
 * source directories"), so that each caller can say which file and where it was named.
 */
public final class Refused extends Exception {

    private final boolean quiet;

    public Refused(String message) {
        this(message, false);
    }

    /**
     * @param quiet true when the file simply is not there (missing, or a folder): often no finding of its own
     */
    Refused(String message, boolean quiet) {
        super(message, null, false, false);
        this.quiet = quiet;
    }

    /** True when the file simply is not there (missing, or a folder), which callers often leave unsaid. */
    public boolean quiet() {
        return quiet;
    }
}
