package io.github.exchangecompliance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.files.AtomicFile;
import io.github.exchangecompliance.suppress.Baseline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * GitLab's code-quality report ({@code gl-code-quality-report.json}): the subset of the CodeClimate issue format
 * GitLab's merge-request widget reads (its "Code Quality" page: {@code description}, {@code check_name},
 * {@code fingerprint}, {@code severity}, {@code location.path} and {@code location.lines.begin}). Paths are relative
 * to the repository's root, where GitLab's jobs run, as in SARIF. Suppressed findings are left out: the widget has no
 * way to show them as accepted.
 */
public final class GitlabReport {

    public static final String FILE_NAME = "gl-code-quality-report.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(CheckResult result, Path target) throws IOException {
        ArrayNode issues = build(result);
        AtomicFile.write(target, out -> JSON.writeValue(out, issues));
    }

    ArrayNode build(CheckResult result) {
        Path root = SarifReport.sourceRoot(result.baseDirectory());
        ArrayNode issues = JSON.createArrayNode();
        // GitLab compares merge requests by fingerprint, which must be unique in a report: the finding's line-free
        // fingerprint, numbered when one rule says the same thing twice in a file.
        Map<String, Integer> seen = new HashMap<>();
        for (Finding finding : result.findings()) {
            if (finding.suppressed()) {
                continue;
            }
            String path = CheckResult.relativize(root, finding.location().file());
            String base = SarifReport.fingerprint(result, finding);
            int occurrence = seen.merge(base, 1, Integer::sum);
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("check_name", finding.rule().id() + " " + finding.rule().name());
            issue.put("description", finding.rule().id() + ": " + finding.message());
            issue.putArray("categories").add("Bug Risk");
            issue.put("severity", severity(finding));
            issue.put(
                    "fingerprint",
                    occurrence == 1
                            ? base
                            : Baseline.fingerprint(
                                    finding.rule().id(), path, finding.message() + " (" + occurrence + ")"));
            ObjectNode location = issue.putObject("location");
            location.put("path", path);
            location.putObject("lines").put("begin", finding.location().line());
        }
        return issues;
    }

    /** GitLab's scale (info, minor, major, critical, blocker), ranked as SARIF's security-severity is. */
    private static String severity(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> finding.rule().breaksService() ? "critical" : "major";
            case WARNING -> "minor";
            case NOTE, OFF -> "info";
        };
    }
}
