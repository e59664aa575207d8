package io.github.exchangecompliance.engine;

/**
 * How many findings are listed, so that a file of half a million duplicate keys, or a repository of a hundred
 * thousand broken files, still ends with its reports. Findings past a limit are not listed but still counted, and
 * still fail the build; the summary says how many were left out.
 *
 * @param perFile findings listed for one file; past it, the most serious are kept
 * @param perRun findings listed in all; past it, the most serious are kept
 */
public record FindingLimits(int perFile, int perRun) {

    public static final int DEFAULT_PER_FILE = 200;
    public static final int DEFAULT_PER_RUN = 10_000;

    public FindingLimits {
        if (perFile < 1 || perRun < 1) {
            throw new IllegalArgumentException(
                    "maxFindingsPerFile and maxFindings must be positive (got " + perFile + ", " + perRun + ")");
        }
    }

    public static FindingLimits defaults() {
        return new FindingLimits(DEFAULT_PER_FILE, DEFAULT_PER_RUN);
    }
}
