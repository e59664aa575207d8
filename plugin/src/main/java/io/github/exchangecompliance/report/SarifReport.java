package io.github.exchangecompliance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.files.AtomicFile;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.suppress.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps): one run, every rule in the driver, results with 1-based
 * regions (from the finding's column to the end of its line's text) and URIs relative to {@code %SRCROOT%}: the repository's root (the nearest folder up from the project's
 * base directory that holds {@code .git}), where code scanning resolves them, else the base directory. A file
 * outside it is an absolute {@code file:} URI.
 */
public final class SarifReport {

    public static final String FILE_NAME = "exchange-compliance.sarif";
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String toolVersion;

    public SarifReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void write(CheckResult result, List<RuleDescriptor> rules, Path target) throws IOException {
        ObjectNode sarif = build(result, rules);
        AtomicFile.write(target, out -> JSON.writeValue(out, sarif));
    }

    ObjectNode build(CheckResult result, List<RuleDescriptor> rules) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "exchange-compliance");
        driver.put("fullName", "Exchange Compliance Maven Plugin");
        driver.put("version", toolVersion);
        driver.put("semanticVersion", toolVersion.replace("-SNAPSHOT", ""));
        driver.put("informationUri", RuleDescriptor.SITE);
        ArrayNode ruleArray = driver.putArray("rules");
        for (RuleDescriptor rule : rules) {
            ObjectNode r = ruleArray.addObject();
            r.put("id", rule.id());
            r.put("name", rule.name());
            r.putObject("shortDescription").put("text", rule.summary());
            r.putObject("fullDescription").put("text", rule.description());
            r.put("helpUri", rule.helpUri());
            r.putObject("help")
                    .put("text", rule.description() + " See " + rule.helpUri())
                    .put(
                            "markdown",
                            "**" + rule.summary() + "**\n\n" + rule.description() + "\n\n[" + rule.id() + " "
                                    + rule.name() + "](" + rule.helpUri() + ")");
            r.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
            // GitHub code scanning ranks and filters by these (its "SARIF support for code scanning" page).
            ObjectNode properties = r.putObject("properties");
            properties.put("security-severity", rule.securitySeverity());
            properties.put("precision", rule.precision());
            properties.putArray("tags").add("security").add("exchange").add(rule.area());
        }
        Path sourceRoot = sourceRoot(result.baseDirectory());
        ObjectNode srcRoot = run.putObject("originalUriBaseIds").putObject("%SRCROOT%");
        srcRoot.put("uri", sourceRoot.toUri().toString());
        srcRoot.putObject("description")
                .put(
                        "text",
                        Files.exists(sourceRoot.resolve(".git"))
                                ? "the repository's root (the folder that holds .git)"
                                : "the project's base directory");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", result.toolErrors().isEmpty());
        if (!result.toolErrors().isEmpty()) {
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            result.toolErrors()
                    .forEach(e -> notifications
                            .addObject()
                            .put("level", "error")
                            .putObject("message")
                            .put("text", e));
        }
        ArrayNode results = run.putArray("results");
        Map<Path, Integer> lastLines = new HashMap<>();
        result.findings()
                .forEach(f -> lastLines.merge(f.location().file(), f.location().line(), Math::max));
        LineEnds lineEnds = new LineEnds(lastLines);
        for (Finding finding : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", finding.rule().id());
            r.put("ruleIndex", rules.indexOf(finding.rule()));
            r.put("level", level(finding.severity()));
            r.putObject("message").put("text", finding.message());
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            Path file = finding.location().file().toAbsolutePath().normalize();
            ObjectNode artifact = physical.putObject("artifactLocation");
            if (file.startsWith(sourceRoot)) {
                artifact.put("uri", sourceRoot.toUri().relativize(file.toUri()).toString())
                        .put("uriBaseId", "%SRCROOT%");
            } else {
                artifact.put("uri", file.toUri().toString());
            }
            Location at = finding.location();
            ObjectNode region =
                    physical.putObject("region").put("startLine", at.line()).put("startColumn", at.column());
            int endColumn = lineEnds.endColumn(at.file(), at.line(), at.column());
            if (endColumn > 0) {
                region.put("endLine", at.line()).put("endColumn", endColumn);
            }
            // GitHub tracks alerts by primaryLocationLineHash when it is given: the move-stable fingerprint.
            String fingerprint = fingerprint(result, finding);
            r.putObject("partialFingerprints")
                    .put("exchangeComplianceFinding/v1", fingerprint)
                    .put("primaryLocationLineHash", fingerprint);
            if (finding.suppression() != null) {
                r.putArray("suppressions")
                        .addObject()
                        .put("kind", finding.suppression().kind())
                        .put("status", "accepted")
                        .put("justification", finding.suppression().justification());
            }
        }
        return root;
    }

    /** The repository's root: the nearest folder up from the base directory that holds .git, else the base. */
    static Path sourceRoot(Path baseDirectory) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            // A folder in a clone, or a file in a worktree or a submodule.
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return base;
    }

    /** The one place severities become SARIF levels. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
            case OFF -> "none";
        };
    }

    /** Rule, file and message, without the line: stays the same when unrelated lines move. */
    static String fingerprint(CheckResult result, Finding finding) {
        return Baseline.fingerprint(finding.rule().id(), result.relativePath(finding), finding.message());
    }
}
