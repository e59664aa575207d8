package io.github.exchangecompliance.engine;

import java.util.Comparator;

/**
 * One thing a rule found: which rule, how serious, where, and what to do about it.
 */
public record Finding(RuleDescriptor rule, Severity severity, Location location, String message)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message);

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
