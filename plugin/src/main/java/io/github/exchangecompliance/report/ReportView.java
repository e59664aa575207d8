package io.github.exchangecompliance.report;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.engine.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the HTML reports show, grouped once for both (the standalone page and the Maven site report): counts by
 * severity, findings by rule, and findings by file with the servers declared there.
 */
public record ReportView(CheckResult result) {

    /** A rule and what it found. */
    public record RuleGroup(RuleDescriptor rule, List<Finding> findings) {}

    /** A file, the servers declared in it, and what was found there. */
    public record FileGroup(String file, List<String> servers, List<Finding> findings) {}

    public List<RuleGroup> byRule() {
        Map<RuleDescriptor, List<Finding>> groups = new LinkedHashMap<>();
        result.findings().stream()
                .sorted((a, b) -> a.rule().id().compareTo(b.rule().id()))
                .forEach(f ->
                        groups.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
        List<RuleGroup> list = new ArrayList<>();
        groups.forEach((rule, findings) -> list.add(new RuleGroup(rule, findings)));
        return list;
    }

    public List<FileGroup> byFile() {
        List<FileGroup> list = new ArrayList<>();
        for (Path file : result.files()) {
            String relative = CheckResult.relativize(result.baseDirectory(), file);
            List<Finding> findings = result.findings().stream()
                    .filter(f -> result.relativePath(f).equals(relative))
                    .toList();
            list.add(new FileGroup(relative, result.serversIn(file), findings));
        }
        return list;
    }

    /** "3 errors, 1 warning, 0 notes" for a list of findings. */
    public String where(Finding finding) {
        return result.relativePath(finding) + ":" + finding.location().line() + ":"
                + finding.location().column();
    }
}
