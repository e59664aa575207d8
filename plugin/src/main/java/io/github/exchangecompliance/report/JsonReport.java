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
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON report ({@code exchange-compliance.json}), shape version 1, documented on the site's reports page:
 * {@code schemaVersion}, {@code tool}, {@code summary} (counts and timing), {@code rules}, {@code files},
 * {@code servers} (each with why it is an Exchange server) and {@code findings}. Fields are only ever added within a version.
 */
public final class JsonReport {

    public static final String FILE_NAME = "exchange-compliance.json";
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String toolVersion;

    public JsonReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void write(CheckResult result, Path target) throws IOException {
        ObjectNode root = build(result);
        AtomicFile.write(target, out -> JSON.writeValue(out, root));
    }

    ObjectNode build(CheckResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", "exchange-compliance-maven-plugin").put("version", toolVersion);
        ObjectNode summary = root.putObject("summary");
        summary.put("filesRead", result.filesRead());
        summary.put("filesSkipped", result.filesSkipped());
        summary.put("serversChecked", result.serversChecked());
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("notes", result.count(Severity.NOTE));
        summary.put("suppressed", result.suppressedCount());
        summary.put("durationMillis", result.duration().toMillis());
        ArrayNode rules = root.putArray("rules");
        for (RuleDescriptor rule : result.rulesRun()) {
            rules.addObject()
                    .put("id", rule.id())
                    .put("name", rule.name())
                    .put("defaultSeverity", rule.defaultSeverity().label())
                    .put("summary", rule.summary())
                    .put("helpUri", rule.helpUri());
        }
        ArrayNode files = root.putArray("files");
        result.relativeFiles().forEach(files::add);
        ArrayNode servers = root.putArray("servers");
        for (CheckResult.ServerFound server : result.serversFound()) {
            servers.addObject()
                    .put("name", server.name())
                    .put(
                            "file",
                            CheckResult.relativize(
                                    result.baseDirectory(), server.location().file()))
                    .put("line", server.location().line())
                    .put("identifiedBy", server.why());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : result.findings()) {
            findings.addObject()
                    .put("ruleId", finding.rule().id())
                    .put("ruleName", finding.rule().name())
                    .put("severity", finding.severity().label())
                    .put("file", result.relativePath(finding))
                    .put("line", finding.location().line())
                    .put("column", finding.location().column())
                    .put("message", finding.message())
                    .put("fingerprint", SarifReport.fingerprint(result, finding))
                    .put(
                            "suppressed",
                            finding.suppressed() ? finding.suppression().justification() : null);
        }
        return root;
    }
}
