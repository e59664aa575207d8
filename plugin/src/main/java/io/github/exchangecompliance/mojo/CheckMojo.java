package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.engine.Catalog;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.engine.Finding;
import io.github.exchangecompliance.engine.RuleContext;
import io.github.exchangecompliance.engine.RuleSettings;
import io.github.exchangecompliance.engine.Severity;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.report.ConsoleReport;
import io.github.exchangecompliance.report.SarifReport;
import io.github.exchangecompliance.yaml.YamlLimits;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the Exchange Server infrastructure YAML under the source directories, prints one line a finding, writes
 * the requested reports and fails the build when a finding reaches {@code failOnSeverity}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractMojo {

    /** Do nothing. */
    @Parameter(property = "exchange-compliance.skip", defaultValue = "false")
    boolean skip;

    /** The project's base directory: report paths are relative to it. */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    File baseDirectory;

    /** The directories to scan for infrastructure YAML. */
    @Parameter(property = "exchange-compliance.sourceDirectories", defaultValue = "${basedir}")
    List<File> sourceDirectories;

    /** Glob patterns, relative to each source directory, of the files to read. */
    @Parameter(property = "exchange-compliance.includes", defaultValue = "**/*.yaml,**/*.yml")
    List<String> includes;

    /** Glob patterns, relative to each source directory, of the files to leave alone. */
    @Parameter(property = "exchange-compliance.excludes", defaultValue = "**/target/**,**/node_modules/**,**/.git/**")
    List<String> excludes;

    /** The build fails on a finding of this severity or above: {@code error}, {@code warning}, {@code note} or {@code none}. */
    @Parameter(property = "exchange-compliance.failOnSeverity", defaultValue = "error")
    String failOnSeverity;

    /** Reports to write besides the console summary: {@code sarif}. */
    @Parameter(property = "exchange-compliance.formats", defaultValue = "sarif")
    List<String> formats;

    /** Where reports are written. */
    @Parameter(property = "exchange-compliance.outputDirectory",
            defaultValue = "${project.build.directory}/exchange-compliance")
    File outputDirectory;

    /**
     * Rule id or name to {@code error}, {@code warning}, {@code note} or {@code off}, for example
     * {@code <EX1008>error</EX1008>} or {@code <tls13-unsupported>off</tls13-unsupported>}.
     */
    @Parameter
    Map<String, String> rules;

    /** The largest file, in bytes, that is read; a larger one is an EX0001 finding. */
    @Parameter(property = "exchange-compliance.maxFileSize", defaultValue = "16777216")
    long maxFileSize;

    /** How deep mappings and lists may nest in one document. */
    @Parameter(property = "exchange-compliance.maxNestingDepth", defaultValue = "100")
    int maxNestingDepth;

    /** How many aliases ({@code *name}) one document may use. */
    @Parameter(property = "exchange-compliance.maxAliases", defaultValue = "50")
    int maxAliases;

    /**
     * The date certificates are judged at (ISO, {@code 2026-11-28}); today in UTC when not set, so a build can be
     * reproduced by setting it.
     */
    @Parameter(property = "exchange-compliance.referenceDate")
    String referenceDate;

    /** EX2005 warns this many days before a certificate expires. */
    @Parameter(property = "exchange-compliance.certificateExpiryWarningDays", defaultValue = "30")
    int certificateExpiryWarningDays;

    /**
     * The Microsoft 365 cloud of the hybrid organization: {@code Global}, {@code GCCHigh}, {@code DoD} or
     * {@code China}. When not set, the organization's {@code environment}, else Global. It decides the domain
     * EX3004 expects in a hybrid connector's TLS domain capabilities.
     */
    @Parameter(property = "exchange-compliance.environment")
    String environment;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Exchange compliance: skipped (exchange-compliance.skip)");
            return;
        }
        Severity threshold = threshold();
        CheckConfig config = config();
        List<String> reports = reportFormats();
        CheckResult result;
        try {
            result = new Checker(config).check();
        } catch (IOException e) {
            throw new MojoExecutionException("Exchange compliance: cannot scan the source directories: "
                    + e.getMessage(), e);
        }
        for (Finding finding : result.findings()) {
            String line = ConsoleReport.line(result, finding);
            switch (finding.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
        getLog().info(ConsoleReport.summary(result));
        writeReports(result, reports);
        if (!result.toolErrors().isEmpty()) {
            result.toolErrors().forEach(e -> getLog().error("Exchange compliance: " + e));
            throw new MojoExecutionException("Exchange compliance: " + result.toolErrors().size()
                    + " rule(s) failed, so the check is incomplete; please report this as a bug of the plugin");
        }
        if (result.fails(threshold)) {
            throw new MojoFailureException("Exchange compliance failed: " + ConsoleReport.counts(result)
                    + " (failOnSeverity " + failOnSeverity + ")");
        }
    }

    private void writeReports(CheckResult result, List<String> reports) throws MojoExecutionException {
        if (reports.contains("sarif")) {
            Path target = outputDirectory.toPath().resolve(SarifReport.FILE_NAME);
            try {
                new SarifReport(version()).write(result, Catalog.descriptors(), target);
            } catch (IOException e) {
                throw new MojoExecutionException("Exchange compliance: cannot write " + target + ": " + e.getMessage(),
                        e);
            }
            getLog().info("Exchange compliance: SARIF report " + target);
        }
    }

    private String version() {
        return plugin == null || plugin.getVersion() == null ? "0.0.0" : plugin.getVersion();
    }

    private Severity threshold() throws MojoExecutionException {
        String value = failOnSeverity == null ? "" : failOnSeverity.strip().toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return Severity.OFF;
        }
        Severity severity = Severity.parse(value);
        if (severity == null || severity == Severity.OFF) {
            throw new MojoExecutionException("failOnSeverity: '" + failOnSeverity
                    + "' is not accepted; use error, warning, note or none");
        }
        return severity;
    }

    private List<String> reportFormats() throws MojoExecutionException {
        List<String> accepted = List.of("sarif");
        List<String> chosen = formats == null ? List.of() : formats.stream()
                .map(f -> f.strip().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty()).toList();
        for (String format : chosen) {
            if (!accepted.contains(format)) {
                throw new MojoExecutionException("formats: '" + format + "' is not accepted; use "
                        + String.join(", ", accepted));
            }
        }
        return chosen;
    }

    private CheckConfig config() throws MojoExecutionException {
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
        List<Path> roots = sourceDirectories == null || sourceDirectories.isEmpty() ? List.of(base)
                : sourceDirectories.stream().map(File::toPath).toList();
        YamlLimits limits = new YamlLimits(maxFileSize, maxNestingDepth, maxAliases,
                YamlLimits.DEFAULT_MAX_EXPANDED_NODES);
        return new CheckConfig(base, roots, orDefault(includes, CheckConfig.DEFAULT_INCLUDES),
                orDefault(excludes, CheckConfig.DEFAULT_EXCLUDES), limits, settings, ruleContext());
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
            cloud = HybridServers.environments().stream().filter(e -> e.equalsIgnoreCase(environment.strip()))
                    .findFirst().orElseThrow(() -> new MojoExecutionException("environment: '" + environment
                            + "' is not accepted; use " + String.join(", ", HybridServers.environments())));
        }
        return new RuleContext(date, certificateExpiryWarningDays, cloud);
    }

    private static List<String> orDefault(List<String> values, List<String> fallback) {
        return values == null || values.isEmpty() ? fallback : values;
    }
}
