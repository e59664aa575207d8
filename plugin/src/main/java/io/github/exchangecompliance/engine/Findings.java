package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects findings once each: a value inherited from a group is seen from the group and from every server, and is
 * reported once. At most {@code perFile} findings are kept for a file, the most serious first and then in file
 * order, whatever the order they came in; the others are counted by severity, so that half a million findings in
 * one file cost no more memory than the limit.
 */
public final class Findings {

    /**
     * Most serious first, then the input findings (EX0xxx: a file or value not read explains the findings around
     * it), then in file order: the first {@code perFile} of a file in this order are kept.
     */
    static final Comparator<Finding> KEPT_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(f -> !f.rule().id().startsWith("EX0"))
            .thenComparing(Comparator.naturalOrder());

    private final RuleSettings settings;
    private final int perFile;
    private final Map<Path, TreeSet<Finding>> byFile = new HashMap<>();
    private final Map<Severity, Long> omitted = new EnumMap<>(Severity.class);
    private final TreeSet<Path> filesOverLimit = new TreeSet<>();

    public Findings(RuleSettings settings) {
        this(settings, Integer.MAX_VALUE);
    }

    public Findings(RuleSettings settings, int perFile) {
        this.settings = settings;
        this.perFile = perFile;
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
                    add(new Finding(rule, settings.severity(rule, chosen), location, Messages.shortened(message)));
                }
            }
        };
    }

    /** Loaders and rules may report from several threads; what is kept does not depend on their order. */
    private synchronized void add(Finding finding) {
        TreeSet<Finding> inFile = byFile.computeIfAbsent(finding.location().file(), f -> new TreeSet<>(KEPT_FIRST));
        if (!inFile.add(finding) || inFile.size() <= perFile) {
            return;
        }
        Finding dropped = inFile.pollLast();
        omitted.merge(dropped.severity(), 1L, Long::sum);
        filesOverLimit.add(finding.location().file());
    }

    /** Adds what another run found. */
    public void addAll(Findings other) {
        List<Finding> theirs = other.unsorted();
        Map<Severity, Long> theirOmitted = other.omitted();
        List<Path> theirFiles = other.filesOverLimit();
        synchronized (this) {
            theirOmitted.forEach((severity, count) -> omitted.merge(severity, count, Long::sum));
            filesOverLimit.addAll(theirFiles);
            theirs.forEach(this::add);
        }
    }

    /** The findings kept, sorted by file, line, column and rule. */
    public List<Finding> sorted() {
        List<Finding> all = unsorted();
        all.sort(null);
        return all;
    }

    private synchronized List<Finding> unsorted() {
        List<Finding> all = new ArrayList<>();
        byFile.values().forEach(all::addAll);
        return all;
    }

    /** How many findings of each severity were past the limit of their file, and not kept. */
    public synchronized Map<Severity, Long> omitted() {
        return Map.copyOf(omitted);
    }

    /** The files that had more findings than the limit, in order. */
    public synchronized List<Path> filesOverLimit() {
        return List.copyOf(filesOverLimit);
    }
}
