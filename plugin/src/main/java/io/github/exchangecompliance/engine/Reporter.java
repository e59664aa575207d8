package io.github.exchangecompliance.engine;

/** Where a rule puts what it finds. */
public interface Reporter {

    /** A finding at the rule's configured severity. */
    void report(Location location, String message);

    /** A finding whose severity the rule decides (EX2005: expired is an error, expiring soon a warning). */
    void report(Severity defaultSeverity, Location location, String message);
}
