package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.CheckConfig;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.report.ConsoleReport;
import io.github.exchangecompliance.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.apache.maven.shared.utils.logging.MessageBuilder;
import org.apache.maven.shared.utils.logging.MessageUtils;

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

    /**
     * Reports to write besides the console summary, comma-separated: {@code sarif} (code scanning), {@code junit}
     * (CI test tabs), {@code json}, {@code html}, {@code gitlab} (GitLab's code-quality widget).
     */
    @Parameter(property = "exchange-compliance.formats", defaultValue = "sarif")
    List<String> formats;

    /** Where reports are written. */
    @Parameter(
            property = "exchange-compliance.outputDirectory",
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
     * The most findings listed for one file; past it the most serious are listed and the others counted (they still
     * fail the build), so that a file of half a million broken keys still ends with its reports.
     */
    @Parameter(property = "exchange-compliance.maxFindingsPerFile", defaultValue = "200")
    int maxFindingsPerFile;

    /** The most findings listed in all, the most serious first; the others are counted and still fail the build. */
    @Parameter(property = "exchange-compliance.maxFindings", defaultValue = "10000")
    int maxFindings;

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

    /**
     * The Ansible inventory groups (a comma list) whose hosts are the Exchange servers, exactly. When not set, the
     * hosts the repository treats as Exchange servers (plays that install Exchange, run its cmdlets or use
     * ExchangeDsc on them) and the hosts of the group {@code exchange}.
     */
    @Parameter(property = "exchange-compliance.ansibleServerGroup")
    String ansibleServerGroup;

    /**
     * The Ansible inventory to read, as Ansible's {@code -i} takes it: a file, a folder of inventory files, or a
     * comma list of them, relative to the project's base directory. When not set, what ansible.cfg's
     * {@code inventory =} names, else {@code inventory}, {@code inventory.ini}, {@code inventory.yml}, {@code hosts}
     * or {@code hosts.ini} at a source directory or under {@code inventories/*}.
     */
    @Parameter(property = "exchange-compliance.ansibleInventory")
    String ansibleInventory;

    /**
     * Report what inline comments ({@code # exchange-compliance:ignore ...}) would suppress, for CI that must not let
     * a change approve its own exception.
     */
    @Parameter(property = "exchange-compliance.ignoreInlineSuppressions", defaultValue = "false")
    boolean ignoreInlineSuppressions;

    /**
     * Findings listed in this file (written by the {@code baseline} goal) are reported as baselined and never fail
     * the build; entries that no longer occur are listed.
     */
    @Parameter(
            property = "exchange-compliance.baselineFile",
            defaultValue = "${basedir}/exchange-compliance-baseline.json")
    File baselineFile;

    /**
     * Exports of the live servers to compare with the repository (EX0008): a folder of {@code Export-Clixml} files
     * (or a file, or a comma list of them), relative to the project's base directory; each file is recognised by
     * its content. The site page "Start from your servers" gives the PowerShell lines that write them.
     */
    @Parameter(property = "exchange-compliance.exports")
    String exports;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Exchange compliance: skipped (exchange-compliance.skip)");
            return;
        }
        Severity threshold = InputParameters.threshold(failOnSeverity);
        CheckConfig config = config();
        List<ReportFormat> reports = reportFormats();
        UpToDate upToDate = upToDate(config, reports, threshold);
        if (upToDate != null && upToDate.isUpToDate(reportFiles(reports))) {
            getLog().info("Exchange compliance: up to date (no input file, parameter or plugin version changed since "
                    + "the last successful check); delete " + outputDirectory + " or change a file to check again");
            return;
        }
        CheckResult result;
        try {
            result = new Checker(config).check();
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Exchange compliance: cannot scan the source directories: " + e.getMessage(), e);
        }
        printFindings(result);
        if (getLog().isDebugEnabled()) {
            result.serversFound()
                    .forEach(server -> getLog().debug("Exchange compliance: server " + server.name()
                            + " ("
                            + CheckResult.relativize(
                                    result.baseDirectory(), server.location().file()) + ":"
                            + server.location().line() + "): " + server.why()));
        }
        getLog().info(ConsoleReport.summary(result));
        if (!result.staleBaseline().isEmpty()) {
            getLog().info("Exchange compliance: " + result.staleBaseline().size() + " baseline entries no longer occur "
                    + "(remove them from " + baselineFile + "):");
            result.staleBaseline().forEach(e -> getLog().info("  " + e));
        }
        writeReports(result, reports, threshold);
        if (!result.toolErrors().isEmpty()) {
            result.toolErrors().forEach(e -> getLog().error("Exchange compliance: " + e));
            throw new MojoExecutionException(
                    "Exchange compliance: " + result.toolErrors().size()
                            + " rule(s) failed, so the check is incomplete; please report this as a bug of the plugin");
        }
        if (upToDate != null) {
            try {
                if (result.fails(threshold)) {
                    upToDate.forget();
                } else {
                    upToDate.recordSuccess();
                }
            } catch (IOException e) {
                getLog().debug("Exchange compliance: cannot record the check's state: " + e.getMessage());
            }
        }
        if (result.fails(threshold)) {
            throw new MojoFailureException("Exchange compliance failed: " + ConsoleReport.counts(result)
                    + " (failOnSeverity " + failOnSeverity + ")");
        }
    }

    /**
     * One line a finding, in file order, under a line that names each file and its counts; the rule and the
     * place are highlighted when the terminal has colours (Maven's message builder).
     */
    private void printFindings(CheckResult result) {
        ConsoleReport.byFile(result).forEach((path, inFile) -> {
            getLog().info(MessageUtils.buffer()
                    .strong(path)
                    .a(": " + ConsoleReport.counts(inFile))
                    .build());
            inFile.forEach(finding -> printFinding(path, finding));
        });
    }

    private void printFinding(String path, Finding finding) {
        MessageBuilder line = MessageUtils.buffer()
                .a(path + ":" + finding.location().line() + ":"
                        + finding.location().column() + ": ");
        switch (finding.severity()) {
            case ERROR ->
                line.failure(finding.rule().id() + " " + finding.rule().name());
            case WARNING ->
                line.warning(finding.rule().id() + " " + finding.rule().name());
            default -> line.strong(finding.rule().id() + " " + finding.rule().name());
        }
        line.a(": " + finding.message());
        if (finding.suppressed()) {
            getLog().info(line.a(" (suppressed: " + finding.suppression().justification() + ")")
                    .build());
            return;
        }
        switch (finding.severity()) {
            case ERROR -> getLog().error(line.build());
            case WARNING -> getLog().warn(line.build());
            default -> getLog().info(line.build());
        }
    }

    private void writeReports(CheckResult result, List<ReportFormat> reports, Severity threshold)
            throws MojoExecutionException {
        for (ReportFormat format : reports) {
            Path target = outputDirectory.toPath().resolve(format.fileName());
            try {
                format.write(result, version(), threshold, target);
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "Exchange compliance: cannot write " + target + ": " + e.getMessage(), e);
            }
            getLog().info("Exchange compliance: " + format.name() + " report " + target);
        }
    }

    String version() {
        return plugin == null || plugin.getVersion() == null ? "0.0.0" : plugin.getVersion();
    }

    /** The up-to-date check, or null when it cannot be made (then the check simply runs). */
    private UpToDate upToDate(CheckConfig config, List<ReportFormat> reports, Severity threshold) {
        try {
            return new UpToDate(
                    config,
                    version(),
                    reports.stream().map(ReportFormat::label).toList(),
                    threshold.label(),
                    outputDirectory.toPath());
        } catch (IOException e) {
            return null;
        }
    }

    private List<Path> reportFiles(List<ReportFormat> reports) {
        return reports.stream()
                .map(f -> outputDirectory.toPath().resolve(f.fileName()))
                .toList();
    }

    private List<ReportFormat> reportFormats() throws MojoExecutionException {
        List<ReportFormat> chosen = new ArrayList<>();
        for (String label : formats == null ? List.<String>of() : formats) {
            String name = label.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            ReportFormat format = ReportFormat.named(name)
                    .orElseThrow(() -> new MojoExecutionException("formats: '" + name + "' is not accepted; use "
                            + String.join(", ", ReportFormat.labels())));
            if (!chosen.contains(format)) {
                chosen.add(format);
            }
        }
        return chosen;
    }

    CheckConfig config() throws MojoExecutionException {
        return new InputParameters(
                        baseDirectory,
                        sourceDirectories,
                        includes,
                        excludes,
                        rules,
                        referenceDate,
                        certificateExpiryWarningDays,
                        environment,
                        maxFileSize,
                        maxNestingDepth,
                        maxAliases,
                        ansibleServerGroup,
                        ansibleInventory,
                        ignoreInlineSuppressions,
                        baselineFile)
                .toConfig()
                .withFindingLimits(InputParameters.findingLimits(maxFindingsPerFile, maxFindings))
                .withExports(InputParameters.exports(baseDirectory, exports));
    }
}
