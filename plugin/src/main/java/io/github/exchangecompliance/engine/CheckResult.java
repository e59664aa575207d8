package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.files.RelativePaths;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one check: the sorted findings and what was read.
 *
 * @param files the files read as Exchange infrastructure (or that failed to read), in order
 * @param filesSkipped YAML files that are not Exchange infrastructure
 * @param toolErrors rules that failed with an exception (a defect of the plugin, never of the input)
 * @param rulesRun the rules that were not off, in id order
 * @param serversByFile the servers whose own document stands in each file
 * @param model everything read, in the one model the rules saw
 * @param staleBaseline baseline entries that no longer occur
 * @param unlisted the findings past the limits ({@link FindingLimits}): counted, not listed
 * @param serversFound each server checked, where it stands and why it is one, in the model's order
 * @param quietNotes Ansible values the plugin could not evaluate that no rule reads: counted, not listed
 * @param exportsCompared what was compared with the live servers' exports ("the exports of 2 servers (9 files)"),
 *     empty when they held nothing to compare, or null when no exports were given
 */
public record CheckResult(
        Path baseDirectory,
        List<Finding> findings,
        List<Path> files,
        int filesSkipped,
        int serversChecked,
        Duration duration,
        List<String> toolErrors,
        List<RuleDescriptor> rulesRun,
        Map<Path, List<String>> serversByFile,
        InfraModel model,
        List<String> staleBaseline,
        Unlisted unlisted,
        List<ServerFound> serversFound,
        int quietNotes,
        String exportsCompared) {

    /** A server checked: its name, where it stands, and why it is an Exchange server ("a play installs ..."). */
    public record ServerFound(String name, Location location, String why) {}

    /**
     * Findings that are not listed because they were past a limit: how many of each severity (none of them
     * suppressed), the files that had more than their limit, and whether the limit of the run was reached.
     */
    public record Unlisted(Map<Severity, Long> counts, List<Path> filesOverLimit, boolean runOverLimit) {
        public static final Unlisted NONE = new Unlisted(Map.of(), List.of(), false);

        public Unlisted {
            counts = Map.copyOf(counts);
            filesOverLimit = List.copyOf(filesOverLimit);
        }

        public long count(Severity severity) {
            return counts.getOrDefault(severity, 0L);
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public CheckResult {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
        toolErrors = List.copyOf(toolErrors);
        rulesRun = List.copyOf(rulesRun);
        serversByFile = Map.copyOf(serversByFile);
        staleBaseline = List.copyOf(staleBaseline);
        serversFound = List.copyOf(serversFound);
    }

    /** The servers whose own document stands in a file, for reports that group findings by server. */
    public List<String> serversIn(Path file) {
        return serversByFile.getOrDefault(file, List.of());
    }

    /** How many files were read as Exchange infrastructure (or failed to read). */
    public int filesRead() {
        return files.size();
    }

    /** The checked files relative to the base directory, with forward slashes. */
    public List<String> relativeFiles() {
        return files.stream().map(f -> relativize(baseDirectory, f)).toList();
    }

    /** Findings of a severity that are not suppressed, listed or not. */
    public long count(Severity severity) {
        return findings.stream()
                        .filter(f -> f.severity() == severity && !f.suppressed())
                        .count()
                + unlisted.count(severity);
    }

    public long suppressedCount() {
        return findings.stream().filter(Finding::suppressed).count();
    }

    /** True when a finding that is not suppressed is at or above the threshold ({@code OFF}: never). */
    public boolean fails(Severity threshold) {
        return findings.stream().anyMatch(f -> !f.suppressed() && f.severity().atLeast(threshold))
                || unlisted.counts().entrySet().stream()
                        .anyMatch(e -> e.getValue() > 0 && e.getKey().atLeast(threshold));
    }

    /** A finding's file relative to the base directory, with forward slashes, as every report prints it. */
    public String relativePath(Finding finding) {
        return relativize(baseDirectory, finding.location().file());
    }

    public static String relativize(Path base, Path file) {
        return RelativePaths.relativize(base, file);
    }
}
