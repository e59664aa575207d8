package io.github.exchangecompliance.report;

import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Finding;
import io.github.exchangecompliance.engine.Severity;
import java.util.Locale;

/** The console's words: one line a finding (SPEC section 5) and one summary line. */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    /** {@code infra/ex01.yaml:14:9: EX1003 dotnet-strong-crypto: message}; the log level gives the severity. */
    public static String line(CheckResult result, Finding finding) {
        return result.relativePath(finding) + ":" + finding.location().line() + ":" + finding.location().column()
                + ": " + finding.rule().id() + " " + finding.rule().name() + ": " + finding.message();
    }

    public static String summary(CheckResult result) {
        StringBuilder text = new StringBuilder("Exchange compliance: read ")
                .append(plural(result.filesRead(), "file"));
        if (result.filesSkipped() > 0) {
            text.append(" (skipped ").append(plural(result.filesSkipped(), "file"))
                    .append(" that ").append(result.filesSkipped() == 1 ? "is" : "are")
                    .append(" not Exchange infrastructure)");
        }
        text.append(", checked ").append(plural(result.serversChecked(), "server")).append(": ")
                .append(counts(result))
                .append(String.format(Locale.ROOT, " in %.2f s", result.duration().toMillis() / 1000.0));
        return text.toString();
    }

    /** "2 errors, 1 warning, 0 notes". */
    public static String counts(CheckResult result) {
        return plural(result.count(Severity.ERROR), "error") + ", " + plural(result.count(Severity.WARNING), "warning")
                + ", " + plural(result.count(Severity.NOTE), "note")
                + (result.suppressedCount() > 0 ? " (" + result.suppressedCount() + " suppressed)" : "");
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
