package io.github.exchangecompliance.engine;

import java.util.List;
import java.util.TreeSet;

/**
 * Collects findings, sorted by file, line, column and rule, once each: a value inherited from a group is seen
 * from the group and from every server, and is reported once.
 */
public final class Findings {

    private final RuleSettings settings;
    private final TreeSet<Finding> findings = new TreeSet<>();

    public Findings(RuleSettings settings) {
        this.settings = settings;
    }

    /** A reporter that files findings under one rule, at its configured severity. */
    public Reporter reporterFor(RuleDescriptor rule) {
        return new Reporter() {
            @Override
            public void report(Location location, String message) {
                report(rule.defaultSeverity(), location, message);
            }

            @Override
            public void report(Severity chosen, Location location, String message) {
                if (!settings.isOff(rule)) {
                    Finding finding = new Finding(rule, settings.severity(rule, chosen), location, message);
                    // Loaders may report from several threads; the set keeps the order, whatever the threads'.
                    synchronized (findings) {
                        findings.add(finding);
                    }
                }
            }
        };
    }

    /** Adds what another run found. */
    public void addAll(Findings other) {
        synchronized (findings) {
            findings.addAll(other.findings);
        }
    }

    public List<Finding> sorted() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }
}
