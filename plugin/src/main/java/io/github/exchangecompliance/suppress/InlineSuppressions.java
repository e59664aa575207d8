package io.github.exchangecompliance.suppress;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code # exchange-compliance:ignore EX1003 -- reason [until 2027-03-31]} on the line of a
 * node or the line above it. It applies to that node and everything under it: the lines that follow, indented
 * deeper than the node's own line (a mapping's children, a list item such as an Ansible task with its block), in
 * block style as in flow style on one line, within one YAML document.
 */
public final class InlineSuppressions {

    private static final Pattern COMMENT = Pattern.compile("#\\s*exchange-compliance:ignore\\b(.*)$");
    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern UNTIL = Pattern.compile("\\[\\s*until\\s+([^\\]]*)]\\s*$");

    /** One suppression comment and the lines it covers. */
    record Suppression(
            List<RuleDescriptor> rules, String reason, LocalDate until, Location comment, int fromLine, int toLine) {
        boolean covers(Finding finding) {
            int line = finding.location().line();
            return line >= fromLine && line <= toLine && rules.contains(finding.rule());
        }
    }

    private InlineSuppressions() {}

    /**
     * Marks the findings the comments of their files suppress, and reports (EX0004) a comment without a reason,
     * naming an unknown rule, expired, or suppressing nothing, in those files and in {@code commented} (files that
     * name a suppression, where nothing may have been found).
     *
     * @param overLimit files with more findings than were listed: a suppression there may suppress one not listed,
     *     so it is not said to suppress nothing
     * @param maxFileSize a file larger than this is not read (it was reported as too large already)
     * @param rules the rule an id or name in a suppression names (the catalog's lookup, handed in so that this
     *     package does not depend on the engine that runs it)
     */
    public static List<Finding> apply(
            List<Finding> findings,
            Collection<Path> commented,
            LocalDate today,
            Reporter problems,
            Collection<Path> overLimit,
            long maxFileSize,
            Function<String, Optional<RuleDescriptor>> rules) {
        Set<Path> files = new TreeSet<>(commented);
        findings.forEach(f -> files.add(f.location().file()));
        // Each file's suppressions on their own, so that a finding is compared with its file's only.
        Map<Path, List<Suppression>> byFile = new HashMap<>();
        for (Path file : files) {
            List<Suppression> read = read(file, today, problems, maxFileSize, rules);
            if (!read.isEmpty()) {
                byFile.put(file, read);
            }
        }
        Set<Suppression> used = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            Finding marked = finding;
            for (Suppression s : byFile.getOrDefault(finding.location().file(), List.of())) {
                if (s.covers(finding)) {
                    used.add(s);
                    marked = finding.suppressedBy(new Finding.Suppression("inSource", s.reason()));
                }
            }
            result.add(marked);
        }
        Set<Path> partial = new HashSet<>(overLimit);
        for (Path file : files) {
            for (Suppression s : byFile.getOrDefault(file, List.of())) {
                if (!used.contains(s) && !partial.contains(file)) {
                    problems.report(
                            s.comment(), "this suppression of " + ids(s.rules()) + " suppresses nothing; remove it");
                }
            }
        }
        return result;
    }

    private static String ids(List<RuleDescriptor> rules) {
        return String.join(", ", rules.stream().map(RuleDescriptor::id).toList());
    }

    /** The valid suppressions of a file; the invalid ones are reported and do not apply. */
    static List<Suppression> read(
            Path file,
            LocalDate today,
            Reporter problems,
            long maxFileSize,
            Function<String, Optional<RuleDescriptor>> rules) {
        List<String> lines;
        try {
            lines = List.of(LINES.split(SourceFiles.readText(file, maxFileSize), -1));
        } catch (IOException | Refused | RuntimeException e) {
            return List.of();
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = COMMENT.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            Location at = new Location(file, i + 1, m.start() + 1);
            String body = m.group(1);
            int another = body.indexOf(" #");
            parse(another < 0 ? body : body.substring(0, another), at, today, problems, rules)
                    .ifPresent(parsed -> {
                        int target = targetLine(lines, at.line() - 1, at.column() - 1);
                        if (target >= 0) {
                            suppressions.add(new Suppression(
                                    parsed.rules(),
                                    parsed.reason(),
                                    parsed.until(),
                                    at,
                                    target + 1,
                                    extent(lines, target) + 1));
                        }
                    });
        }
        return suppressions;
    }

    private record Parsed(List<RuleDescriptor> rules, String reason, LocalDate until) {}

    private static Optional<Parsed> parse(
            String text,
            Location at,
            LocalDate today,
            Reporter problems,
            Function<String, Optional<RuleDescriptor>> known) {
        String body = text.strip();
        LocalDate until = null;
        Matcher u = UNTIL.matcher(body);
        if (u.find()) {
            try {
                until = LocalDate.parse(u.group(1).strip());
            } catch (DateTimeParseException e) {
                problems.report(
                        at,
                        "the suppression's until date '" + u.group(1).strip()
                                + "' is not an ISO date (2027-03-31); it does not apply");
                return Optional.empty();
            }
            body = body.substring(0, u.start()).strip();
        }
        int dashes = body.indexOf("--");
        String reason = dashes < 0 ? "" : body.substring(dashes + 2).strip();
        String idText = dashes < 0 ? body : body.substring(0, dashes);
        List<RuleDescriptor> rules = new ArrayList<>();
        for (String id : idText.split("[,\\s]+")) {
            if (id.isBlank()) {
                continue;
            }
            Optional<RuleDescriptor> rule = known.apply(id);
            if (rule.isEmpty()) {
                problems.report(at, "the suppression names '" + id + "', which is not a rule; it does not apply");
                return Optional.empty();
            }
            rules.add(rule.get());
        }
        if (rules.isEmpty()) {
            problems.report(at, "the suppression names no rule; write exchange-compliance:ignore EX1003 -- reason");
            return Optional.empty();
        }
        if (reason.isEmpty()) {
            problems.report(at, "the suppression of " + ids(rules) + " gives no reason (-- why); it does not apply");
            return Optional.empty();
        }
        if (until != null && today.isAfter(until)) {
            problems.report(
                    at,
                    "the suppression of " + ids(rules) + " expired on " + until + "; its findings are reported again");
            return Optional.empty();
        }
        return Optional.of(new Parsed(rules, reason, until));
    }

    /** The line the comment is about: its own line when it follows content, else the next line with content. */
    private static int targetLine(List<String> lines, int commentLine, int commentColumn) {
        if (!lines.get(commentLine).substring(0, commentColumn).isBlank()) {
            return commentLine;
        }
        for (int i = commentLine + 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return l.equals("---") ? -1 : i;
            }
        }
        return -1;
    }

    /** The last line of the node starting at {@code target}: while lines are indented deeper, within the document. */
    private static int extent(List<String> lines, int target) {
        int indent = indentation(lines.get(target));
        int last = target;
        for (int i = target + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (stripped.equals("---") || stripped.equals("...") || indentation(line) <= indent) {
                break;
            }
            last = i;
        }
        return last;
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
