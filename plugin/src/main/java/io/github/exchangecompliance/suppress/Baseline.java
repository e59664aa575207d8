package io.github.exchangecompliance.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Finding;
import io.github.exchangecompliance.report.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The baseline file ({@code exchange-compliance-baseline.json}): the findings an existing repository had when it
 * adopted the plugin. A finding listed there is reported as baselined and never fails the build; an entry that
 * no longer occurs is reported so that the file can shrink. A finding is identified by its fingerprint: the rule,
 * the file relative to the project base directory (forward slashes) and the message, which names the node (the
 * registry key and value, the connector, the URL) and its value, not the line: moving lines changes nothing, and
 * the same node in two files does not match. A few messages point at another place by its line ("first at line
 * 12", "egress rule at egress.yaml:30"): those lines are left out of the fingerprint, so that they may move too.
 */
public final class Baseline {

    public static final String FILE_NAME = "exchange-compliance-baseline.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, JsonNode> entries;

    private Baseline(Map<String, JsonNode> entries) {
        this.entries = entries;
    }

    /** "line 12", and the line (and column) after a YAML file's name: {@code egress.yaml:30}. */
    private static final Pattern LINE_REFERENCE = Pattern.compile("\\bline \\d+|(?<=\\.ya?ml)(:\\d+)+");

    /** The fingerprint of a finding: rule, relative file and message without the lines it names, hashed. */
    public static String fingerprint(String ruleId, String relativeFile, String message) {
        String identity = ruleId + "|" + relativeFile + "|" + LINE_REFERENCE.matcher(message).replaceAll("");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Reads a baseline; a missing file is an empty baseline. */
    public static Baseline read(Path file) throws IOException {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (file != null && Files.isRegularFile(file)) {
            JsonNode root = JSON.readTree(file.toFile());
            for (JsonNode entry : root.path("findings")) {
                entries.put(entry.path("fingerprint").asText(), entry);
            }
        }
        return new Baseline(entries);
    }

    /** Writes every finding that is not suppressed inline as the new baseline. */
    public static void write(CheckResult result, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("comment", "Findings accepted when the repository adopted the Exchange Compliance Maven Plugin: "
                + "they do not fail the build. Remove entries as they are fixed.");
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : result.findings()) {
            if (finding.suppression() != null && finding.suppression().kind().equals("inSource")) {
                continue;
            }
            String relative = result.relativePath(finding);
            findings.addObject().put("fingerprint", fingerprint(finding.rule().id(), relative, finding.message()))
                    .put("ruleId", finding.rule().id()).put("file", relative).put("message", finding.message());
        }
        AtomicFile.write(file, out -> JSON.writeValue(out, root));
    }

    /** The findings, with those in the baseline marked; {@code stale} receives the entries that did not occur. */
    public List<Finding> apply(List<Finding> findings, Path baseDirectory, List<String> stale) {
        Map<String, JsonNode> unmatched = new LinkedHashMap<>(entries);
        List<Finding> marked = new ArrayList<>();
        for (Finding finding : findings) {
            String print = fingerprint(finding.rule().id(), CheckResult.relativize(baseDirectory,
                    finding.location().file()), finding.message());
            if (entries.containsKey(print) && !finding.suppressed()) {
                unmatched.remove(print);
                marked.add(finding.suppressedBy(new Finding.Suppression("external", "in the baseline file")));
            } else {
                marked.add(finding);
            }
        }
        unmatched.values().forEach(e -> stale.add(e.path("ruleId").asText() + " " + e.path("file").asText() + ": "
                + e.path("message").asText()));
        return marked;
    }
}
