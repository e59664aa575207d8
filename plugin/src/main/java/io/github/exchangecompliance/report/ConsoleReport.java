package io.github.exchangecompliance.report;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.ServerFact;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The console's words: one line a finding (SPEC section 5) and one summary line. */
public final class ConsoleReport {

    private ConsoleReport() {}

    /** {@code infra/ex01.yaml:14:9: EX1003 dotnet-strong-crypto: message}; the log level gives the severity. */
    public static String line(CheckResult result, Finding finding) {
        return result.relativePath(finding) + ":" + finding.location().line() + ":"
                + finding.location().column() + ": " + finding.rule().id() + " "
                + finding.rule().name() + ": " + finding.message();
    }

    /** Each file's findings under its path as the console prints it, in file order (the findings come sorted). */
    public static Map<String, List<Finding>> byFile(CheckResult result) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding finding : result.findings()) {
            byFile.computeIfAbsent(result.relativePath(finding), f -> new ArrayList<>())
                    .add(finding);
        }
        return byFile;
    }

    public static String summary(CheckResult result) {
        StringBuilder text = new StringBuilder("Exchange compliance: read ").append(plural(result.filesRead(), "file"));
        if (result.filesSkipped() > 0) {
            text.append(" (skipped ")
                    .append(plural(result.filesSkipped(), "file"))
                    .append(" that ")
                    .append(result.filesSkipped() == 1 ? "is" : "are")
                    .append(" not Exchange infrastructure)");
        }
        text.append(", checked ")
                .append(plural(result.serversChecked(), "server"))
                .append(": ")
                .append(counts(result))
                .append(String.format(
                        Locale.ROOT, " in %.2f s", result.duration().toMillis() / 1000.0));
        unlisted(result).ifPresent(note -> text.append("; ").append(note));
        unjudged(result).forEach(line -> text.append("; ").append(line));
        if (result.exportsCompared() != null && result.exportsCompared().isEmpty()) {
            text.append("; compared nothing with the exports (EX0008)");
        } else if (result.exportsCompared() != null) {
            long drift = result.findings().stream()
                    .filter(f -> f.rule().id().equals("EX0008"))
                    .count();
            text.append("; compared ")
                    .append(result.exportsCompared())
                    .append(": ")
                    .append(drift == 0 ? "no drift" : plural(drift, "difference") + " (EX0008)");
        }
        if (result.quietNotes() > 0) {
            text.append("; ")
                    .append(plural(result.quietNotes(), "Ansible value"))
                    .append(" no rule reads could not be " + "evaluated (not listed)");
        }
        return text.toString();
    }

    /**
     * "1,234 findings are not listed (more than maxFindingsPerFile in ex01.yaml and 2 other files)": the findings past
     * the limits, which the counts include.
     */
    public static Optional<String> unlisted(CheckResult result) {
        CheckResult.Unlisted unlisted = result.unlisted();
        if (unlisted.total() == 0 && unlisted.filesOverLimit().isEmpty() && !unlisted.runOverLimit()) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        List<Path> files = unlisted.filesOverLimit();
        if (!files.isEmpty()) {
            String first = CheckResult.relativize(result.baseDirectory(), files.get(0));
            why.add("more than maxFindingsPerFile in " + first
                    + (files.size() == 1 ? "" : " and " + plural(files.size() - 1, "other file")));
        }
        if (unlisted.runOverLimit()) {
            why.add("more than maxFindings in all");
        }
        long count = unlisted.total();
        return Optional.of(plural(count, "finding") + (count == 1 ? " is" : " are") + " not listed ("
                + String.join("; ", why) + "); the counts include them");
    }

    /**
     * "EX1009, EX4002: 3 servers without an Exchange version": for each fact rules need of a server
     * ({@link ServerFact}), the rules that ran and how many servers they could not judge for want of it.
     */
    public static List<String> unjudged(CheckResult result) {
        List<String> lines = new ArrayList<>();
        for (ServerFact fact : ServerFact.values()) {
            List<String> rules = result.rulesRun().stream()
                    .filter(r -> r.needs().contains(fact))
                    .map(RuleDescriptor::id)
                    .toList();
            long without = result.model().servers().stream()
                    .filter(s -> !fact.isKnownFor(s))
                    .count();
            if (!rules.isEmpty() && without > 0) {
                lines.add(String.join(", ", rules) + ": " + plural(without, "server") + " without " + fact.words());
            }
        }
        return lines;
    }

    /** "2 errors, 1 warning, 0 notes (1 suppressed)": the whole run's counts, unlisted findings included. */
    public static String counts(CheckResult result) {
        return counts(
                result.count(Severity.ERROR),
                result.count(Severity.WARNING),
                result.count(Severity.NOTE),
                result.suppressedCount());
    }

    /** The same words for some findings (one file's): a suppressed finding counts as suppressed only, as above. */
    public static String counts(List<Finding> findings) {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        long suppressed = 0;
        for (Finding finding : findings) {
            if (finding.suppressed()) {
                suppressed++;
            } else {
                bySeverity.merge(finding.severity(), 1L, Long::sum);
            }
        }
        return counts(
                bySeverity.getOrDefault(Severity.ERROR, 0L),
                bySeverity.getOrDefault(Severity.WARNING, 0L),
                bySeverity.getOrDefault(Severity.NOTE, 0L),
                suppressed);
    }

    private static String counts(long errors, long warnings, long notes, long suppressed) {
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note")
                + (suppressed > 0 ? " (" + suppressed + " suppressed)" : "");
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
