package io.github.exchangecompliance.api;

import io.github.exchangecompliance.model.Location;
import java.util.Comparator;

/**
 * One thing a rule found: which rule, how serious, where, and what to do about it.
 */
public record Finding(
        RuleDescriptor rule, Severity severity, Location location, String message, Suppression suppression)
        implements Comparable<Finding> {

    /**
     * Why a finding does not fail the build although it stays in every report.
     *
     * @param kind {@code inSource} for an inline comment, {@code external} for the baseline file (SARIF's words)
     */
    public record Suppression(String kind, String justification) {}

    public Finding(RuleDescriptor rule, Severity severity, Location location, String message) {
        this(rule, severity, location, message, null);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding suppressedBy(Suppression why) {
        return new Finding(rule, severity, location, message, why);
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message)
            .thenComparing(f -> f.suppression() == null ? "" : f.suppression().toString());

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
