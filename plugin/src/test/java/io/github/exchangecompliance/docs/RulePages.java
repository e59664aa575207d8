package io.github.exchangecompliance.docs;

import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.engine.Catalog;
import io.github.exchangecompliance.testing.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the site's rule pages from the rules' own metadata and fixtures, so the pages cannot drift from the
 * code: one page a rule (summary, description, a failing and a passing example, sources) and the catalog page.
 * Run at {@code pre-site} with the fixture folder and the output folder as arguments.
 */
public final class RulePages {

    private RulePages() {}

    public static void main(String[] args) throws IOException {
        Path fixtures = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.resolve("rules"));
        StringBuilder catalog = new StringBuilder(generated())
                .append("# Rules\n\nEvery rule has a stable id, a name usable in the `rules` parameter, and a default "
                        + "severity. `mvn exchange-compliance:rules` prints this list.\n\n"
                        + "| id | name | severity | finds |\n| --- | --- | --- | --- |\n");
        for (RuleDescriptor rule : Catalog.descriptors()) {
            catalog.append("| [")
                    .append(rule.id())
                    .append("](rules/")
                    .append(rule.id())
                    .append(".html) | ")
                    .append(rule.name())
                    .append(" | ")
                    .append(rule.defaultSeverity().label())
                    .append(" | ")
                    .append(escape(rule.summary()))
                    .append(" |\n");
            Files.writeString(
                    out.resolve("rules/" + rule.id() + ".md"),
                    page(rule, fixtures.resolve(rule.id())),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("rules.md"), catalog, StandardCharsets.UTF_8);
    }

    static String page(RuleDescriptor rule, Path fixtures) throws IOException {
        StringBuilder page = new StringBuilder(generated())
                .append("# ")
                .append(rule.id())
                .append(" ")
                .append(rule.name())
                .append("\n\n")
                .append("Default severity: **")
                .append(rule.defaultSeverity().label())
                .append("**. ")
                .append("Turn it off or change it with `<rules><")
                .append(rule.id())
                .append(">off</")
                .append(rule.id())
                .append("></rules>`.\n\n")
                .append(escape(rule.summary()))
                .append("\n\n## Why\n\n")
                .append(escape(rule.description()))
                .append("\n\n");
        List<Path> examples = examples(fixtures);
        for (Path example : examples) {
            boolean failing = example.getFileName().toString().startsWith("fail-");
            page.append(failing ? "## Reported\n\n" : "## Not reported\n\n")
                    .append("```yaml\n")
                    .append(withoutExpectations(example))
                    .append("\n```\n\n");
            // A drift fixture is compared with exports: the page shows them, as the check reads them.
            for (String export : Fixture.exports(example)) {
                page.append("compared with the export `")
                        .append(Path.of(export).getFileName())
                        .append("`:\n\n```xml\n")
                        .append(Files.readString(example.resolveSibling(export), StandardCharsets.UTF_8)
                                .strip())
                        .append("\n```\n\n");
            }
            List<String> expected = Fixture.expected(example);
            if (!expected.isEmpty()) {
                page.append("| line:column | finding |\n| --- | --- |\n");
                for (String finding : expected) {
                    int space = finding.indexOf(' ');
                    String message = finding.substring(finding.indexOf(' ', space + 1) + 1);
                    page.append("| ")
                            .append(finding, 0, space)
                            .append(" | ")
                            .append(escape(message))
                            .append(" |\n");
                }
                page.append('\n');
            }
            page.append("<small>From the rule's test fixture `")
                    .append(fixtures.getFileName())
                    .append('/')
                    .append(example.getFileName())
                    .append("`.</small>\n\n");
        }
        page.append("## Sources\n\n");
        for (String source : rule.sources()) {
            page.append("- ")
                    .append(source.startsWith("http") ? "<" + source + ">" : source)
                    .append('\n');
        }
        return page.toString();
    }

    /** The fixture's text without its {@code # expect:} comments, which the page shows as a table instead. */
    private static String withoutExpectations(Path fixture) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(fixture, StandardCharsets.UTF_8)) {
            int mark = line.indexOf("# expect:");
            text.append(mark < 0 ? line : line.substring(0, mark).stripTrailing())
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** The first failing and the first passing fixture. */
    private static List<Path> examples(Path fixtures) throws IOException {
        try (Stream<Path> files = Files.list(fixtures)) {
            List<Path> sorted = files.sorted().toList();
            return Stream.of("fail-", "pass-")
                    .flatMap(prefix -> sorted.stream()
                            .filter(f -> f.getFileName().toString().startsWith(prefix))
                            .limit(1))
                    .toList();
        }
    }

    private static String generated() {
        return "<!-- Generated by RulePages from the rules' metadata and fixtures: do not edit. -->\n\n";
    }

    /** A URL or a www. host in prose, which Markdown would make a link (to a .test host that does not exist). */
    private static final java.util.regex.Pattern LINKABLE =
            java.util.regex.Pattern.compile("(?<![`\\w])((?:https?://|www\\.)(?:[^\\s`'\"),;]*[^\\s`'\"),;.])?)");

    /** Text for a table cell or a paragraph: pipes escaped, no HTML, and URLs shown as code, never as links. */
    static String escape(String text) {
        return LINKABLE.matcher(text.replace("|", "\\|").replace("<", "&lt;")).replaceAll("`$1`");
    }
}
