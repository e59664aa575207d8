package io.github.exchangecompliance.suppress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.files.AtomicFile;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.RelativePaths;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
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
import java.util.regex.Matcher;
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
    /** The baseline is the repository's too: read under the YAML's limits of depth (the size is maxFileSize). */
    private static final int MAX_DEPTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Entry> entries;

    private Baseline(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** One accepted finding, as the stale list names it. */
    private record Entry(String ruleId, String file, String message) {}

    /** "line 12", and the line (and column) after a YAML file's name: {@code egress.yaml:30}. */
    private static final Pattern LINE_WORD = Pattern.compile("\\bline \\d++");
    /** A YAML file's name followed by a line (and column): what follows it is left out. */
    private static final Pattern YAML_NAME = Pattern.compile("\\.ya?ml(?=:\\d)");

    /** The fingerprint of a finding: rule, relative file and message without the lines it names, hashed. */
    public static String fingerprint(String ruleId, String relativeFile, String message) {
        String identity = ruleId + "|" + relativeFile + "|" + withoutLines(message);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The message without the lines it names. Written out rather than as one pattern: a repeated group in a pattern
     * is matched by recursion, and a message naming {@code a.yaml:1:1:1...} thousands of times overflowed the stack.
     */
    static String withoutLines(String message) {
        String text = LINE_WORD.matcher(message).replaceAll("");
        Matcher name = YAML_NAME.matcher(text);
        if (!name.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        do {
            int at = name.end();
            out.append(text, from, at);
            // Skip ":<digits>" as often as it repeats.
            while (at + 1 < text.length() && text.charAt(at) == ':' && Character.isDigit(text.charAt(at + 1))) {
                at++;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
            }
            from = at;
        } while (name.find(from));
        return out.append(text, from, text.length()).toString();
    }

    /**
     * Reads a baseline; a missing file is an empty baseline. A baseline that cannot be read (too large, not JSON,
     * nested too deep) is an EX0001 finding at its file, and the check goes on without it: its findings count.
     */
    public static Baseline read(Path file, long maxFileSize, Reporter broken) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (file == null || !Files.exists(file)) {
            return new Baseline(entries);
        }
        try {
            JsonNode root = JSON.readTree(SourceFiles.read(file, maxFileSize));
            for (JsonNode entry : root == null ? JSON.createArrayNode() : root.path("findings")) {
                entries.put(
                        entry.path("fingerprint").asText(),
                        new Entry(
                                entry.path("ruleId").asText(),
                                entry.path("file").asText(),
                                entry.path("message").asText()));
            }
        } catch (Refused e) {
            broken.report(Location.startOf(file), "the baseline file " + e.getMessage() + "; no finding is baselined");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            broken.report(
                    where == null ? Location.startOf(file) : new Location(file, where.getLineNr(), where.getColumnNr()),
                    "the baseline file is not valid " + "JSON ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + "); no finding is baselined");
        } catch (IOException e) {
            broken.report(
                    Location.startOf(file),
                    "the baseline file cannot be read (" + e.getClass().getSimpleName() + "); no finding is baselined");
        }
        return new Baseline(entries);
    }

    /** Writes every finding that is not suppressed inline as the new baseline. */
    public static void write(List<Finding> all, Path baseDirectory, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.put(
                "comment",
                "Findings accepted when the repository adopted the Exchange Compliance Maven Plugin: "
                        + "they do not fail the build. Remove entries as they are fixed.");
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : all) {
            if (finding.suppression() != null && finding.suppression().kind().equals("inSource")) {
                continue;
            }
            String relative =
                    RelativePaths.relativize(baseDirectory, finding.location().file());
            findings.addObject()
                    .put("fingerprint", fingerprint(finding.rule().id(), relative, finding.message()))
                    .put("ruleId", finding.rule().id())
                    .put("file", relative)
                    .put("message", finding.message());
        }
        AtomicFile.write(file, out -> JSON.writeValue(out, root));
    }

    /** The findings, with those in the baseline marked; {@code stale} receives the entries that did not occur. */
    public List<Finding> apply(List<Finding> findings, Path baseDirectory, List<String> stale) {
        Map<String, Entry> unmatched = new LinkedHashMap<>(entries);
        List<Finding> marked = new ArrayList<>();
        for (Finding finding : findings) {
            String print = fingerprint(
                    finding.rule().id(),
                    RelativePaths.relativize(baseDirectory, finding.location().file()),
                    finding.message());
            if (entries.containsKey(print) && !finding.suppressed()) {
                unmatched.remove(print);
                marked.add(finding.suppressedBy(new Finding.Suppression("external", "in the baseline file")));
            } else {
                marked.add(finding);
            }
        }
        unmatched.values().forEach(e -> stale.add(e.ruleId() + " " + e.file() + ": " + e.message()));
        return marked;
    }
}
