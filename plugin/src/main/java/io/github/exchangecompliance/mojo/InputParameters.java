package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.FindingLimits;
import io.github.exchangecompliance.engine.RuleSettings;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.yaml.YamlLimits;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The parameters the goals that check share, as Maven injected them, and their validation: a bad value fails
 * fast with one line naming the parameter and what it accepts, before any file is read.
 */
record InputParameters(
        File baseDirectory,
        List<File> sourceDirectories,
        List<String> includes,
        List<String> excludes,
        Map<String, String> rules,
        String referenceDate,
        int certificateExpiryWarningDays,
        String environment,
        long maxFileSize,
        int maxNestingDepth,
        int maxAliases,
        String ansibleServerGroup,
        String ansibleInventory,
        boolean ignoreInlineSuppressions,
        File baselineFile) {

    CheckConfig toConfig() throws MojoExecutionException {
        if (maxFileSize < 1 || maxNestingDepth < 1 || maxAliases < 0) {
            throw new MojoExecutionException("maxFileSize and maxNestingDepth must be positive and maxAliases not "
                    + "negative (got " + maxFileSize + ", " + maxNestingDepth + ", " + maxAliases + ")");
        }
        RuleSettings settings;
        try {
            settings = RuleSettings.parse(rules);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Path base = baseDirectory.toPath();
        List<Path> roots = sourceDirectories == null || sourceDirectories.isEmpty()
                ? List.of(base)
                : sourceDirectories.stream().map(File::toPath).toList();
        for (Path root : roots) {
            // A gate that reads a folder that is not there would pass on nothing.
            if (!Files.isDirectory(root)) {
                throw new MojoExecutionException(
                        "sourceDirectories: " + root + (Files.exists(root) ? " is not a folder" : " does not exist")
                                + "; name the folders that hold the infrastructure "
                                + "YAML, or leave the parameter out to read the whole project (" + base + ")");
            }
        }
        YamlLimits limits =
                new YamlLimits(maxFileSize, maxNestingDepth, maxAliases, YamlLimits.DEFAULT_MAX_EXPANDED_NODES);
        List<Path> inventories = new ArrayList<>();
        for (String source : commaList(ansibleInventory)) {
            Path inventory = base.resolve(source);
            if (!Files.exists(inventory)) {
                throw new MojoExecutionException("ansibleInventory: " + inventory + " does not exist; name an "
                        + "inventory file or folder (a comma list for several), as ansible -i takes them");
            }
            inventories.add(inventory);
        }
        return new CheckConfig(
                base,
                roots,
                orDefault(includes, CheckConfig.DEFAULT_INCLUDES),
                orDefault(excludes, CheckConfig.DEFAULT_EXCLUDES),
                limits,
                settings,
                ruleContext(),
                commaList(ansibleServerGroup),
                inventories,
                ignoreInlineSuppressions,
                baselineFile == null ? null : baselineFile.toPath());
    }

    /** {@code exports}: the folders or files named, each there (a comparison with nothing would pass on nothing). */
    static List<Path> exports(File baseDirectory, String exports) throws MojoExecutionException {
        List<Path> roots = new ArrayList<>();
        for (String source : commaList(exports)) {
            Path root = baseDirectory.toPath().resolve(source);
            if (!Files.exists(root)) {
                throw new MojoExecutionException("exports: " + root + " does not exist; name the folder that holds "
                        + "the servers' Export-Clixml files (a comma list for several)");
            }
            roots.add(root);
        }
        return roots;
    }

    /** {@code maxFindingsPerFile} and {@code maxFindings}, both positive. */
    static FindingLimits findingLimits(int perFile, int perRun) throws MojoExecutionException {
        try {
            return new FindingLimits(perFile, perRun);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private RuleContext ruleContext() throws MojoExecutionException {
        if (certificateExpiryWarningDays < 0) {
            throw new MojoExecutionException("certificateExpiryWarningDays: " + certificateExpiryWarningDays
                    + " is not accepted; use 0 or more days");
        }
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        if (referenceDate != null && !referenceDate.isBlank()) {
            try {
                date = LocalDate.parse(referenceDate.strip());
            } catch (DateTimeParseException e) {
                throw new MojoExecutionException("referenceDate: '" + referenceDate
                        + "' is not a date; use the ISO form, for example 2026-11-28");
            }
        }
        String cloud = null;
        if (environment != null && !environment.isBlank()) {
            cloud = HybridServers.environments().stream()
                    .filter(e -> e.equalsIgnoreCase(environment.strip()))
                    .findFirst()
                    .orElseThrow(() -> new MojoExecutionException("environment: '" + environment
                            + "' is not accepted; use " + String.join(", ", HybridServers.environments())));
        }
        return new RuleContext(date, certificateExpiryWarningDays, cloud);
    }

    /** {@code error}, {@code warning}, {@code note}, or {@code none} (never fail: {@link Severity#OFF}). */
    static Severity threshold(String failOnSeverity) throws MojoExecutionException {
        String value = failOnSeverity == null ? "" : failOnSeverity.strip().toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return Severity.OFF;
        }
        Severity severity = Severity.parse(value);
        if (severity == null || severity == Severity.OFF) {
            throw new MojoExecutionException(
                    "failOnSeverity: '" + failOnSeverity + "' is not accepted; use error, warning, note or none");
        }
        return severity;
    }

    /** The parts of a comma list, without blanks; none for a parameter that is not set. */
    static List<String> commaList(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(part -> !part.isEmpty())
                        .toList();
    }

    private static List<String> orDefault(List<String> values, List<String> fallback) {
        return values == null || values.isEmpty() ? fallback : values;
    }
}
