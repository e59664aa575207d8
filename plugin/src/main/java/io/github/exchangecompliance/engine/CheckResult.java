package io.github.exchangecompliance.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one check: the sorted findings and what was read.
 *
 * @param filesRead files read as Exchange infrastructure (or that failed to read)
 * @param filesSkipped YAML files that are not Exchange infrastructure
 * @param toolErrors rules that failed with an exception (a defect of the plugin, never of the input)
 */
public record CheckResult(Path baseDirectory, List<Finding> findings, int filesRead, int filesSkipped,
        int serversChecked, Duration duration, List<String> toolErrors) {

    public CheckResult {
        findings = List.copyOf(findings);
        toolErrors = List.copyOf(toolErrors);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when a finding is at or above the threshold ({@code OFF}: never). */
    public boolean fails(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** A finding's file relative to the base directory, with forward slashes, as every report prints it. */
    public String relativePath(Finding finding) {
        return relativize(baseDirectory, finding.location().file());
    }

    public static String relativize(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
