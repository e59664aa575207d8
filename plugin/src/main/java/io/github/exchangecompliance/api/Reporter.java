package io.github.exchangecompliance.api;

import io.github.exchangecompliance.model.Location;

/**
 * Where a rule puts what it finds. Safe to call from several threads: the loaders bind files and the rules run in
 * parallel, and what is reported does not depend on their order.
 */
public interface Reporter {

    /** A finding at the rule's configured severity. */
    void report(Location location, String message);

    /** A finding whose severity the rule decides (EX2005: expired is an error, expiring soon a warning). */
    void report(Severity defaultSeverity, Location location, String message);
}
