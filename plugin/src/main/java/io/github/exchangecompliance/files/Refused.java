package io.github.exchangecompliance.files;

/**
 * Why a file the repository names was not read: it lies outside the source directories, is not a regular file,
 * is too large, or its name is no path. The message completes a sentence about the file ("... is outside the
 * source directories"), so that each caller can say which file and where it was named.
 */
public final class Refused extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kept the file from being read, for callers that say it in words of their own. */
    public enum Reason {
        MISSING,
        FOLDER,
        OUTSIDE,
        NOT_REGULAR,
        TOO_LARGE,
        NOT_A_PATH,
        UNREADABLE
    }

    private final Reason reason;

    Refused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** True when the file simply is not there (missing, or a folder), which callers often leave unsaid. */
    public boolean quiet() {
        return reason == Reason.MISSING || reason == Reason.FOLDER;
    }
}
