package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.report.ReportView;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The Maven site report ({@code exchange-compliance.html}): a summary with counts by severity, then the findings by
 * rule, each rule linking to its page, and by file with the servers declared there, each finding with its
 * file:line. It reports; it never fails the site build.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** The directories to scan for infrastructure YAML. */
    @Parameter(property = "exchange-compliance.sourceDirectories", defaultValue = "${basedir}")
    List<File> sourceDirectories;

    /** Glob patterns, relative to each source directory, of the files to read. */
    @Parameter(property = "exchange-compliance.includes", defaultValue = "**/*.yaml,**/*.yml")
    List<String> includes;

    /** Glob patterns, relative to each source directory, of the files to leave alone. */
    @Parameter(property = "exchange-compliance.excludes", defaultValue = "**/target/**,**/node_modules/**,**/.git/**")
    List<String> excludes;

    /**
     * Rule id or name to {@code error}, {@code warning}, {@code note} or {@code off}, for example
     * {@code <EX1008>error</EX1008>} or {@code <tls13-unsupported>off</tls13-unsupported>}.
     */
    @Parameter
    Map<String, String> rules;

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

    /** Do nothing. */
    @Parameter(property = "exchange-compliance.skip", defaultValue = "false")
    boolean skip;

    // Reporting API 4 deprecates the name for getOutputPath, whose default derives from it; site plugins before
    // that API still call this.
    @Override
    @SuppressWarnings("deprecation")
    public String getOutputName() {
        return "exchange-compliance";
    }

    @Override
    public String getName(Locale locale) {
        return "Exchange compliance";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Known Exchange Server misconfigurations in the infrastructure YAML, by rule and by file.";
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        requireDoxia2();
        CheckResult result;
        try {
            result = new Checker(new InputParameters(
                                    getProject().getBasedir(),
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
                                    false,
                                    baselineFile)
                            .toConfig()
                            .withFindingLimits(InputParameters.findingLimits(maxFindingsPerFile, maxFindings))
                            .withExports(InputParameters.exports(getProject().getBasedir(), exports)))
                    .check();
        } catch (MojoExecutionException | IOException e) {
            throw new MavenReportException("Exchange compliance: " + e.getMessage(), e);
        }
        SiteReportPage.render(new ReportView(result), getSink());
    }

    /**
     * Site plugins before 3.20 hand reports a Doxia 1 sink, on which this report would stop at its first table
     * (Maven 3.9's default, 3.12.1, logs a LinkageError and keeps the page cut short). One clear line instead.
     * (Maven 3.8's default, 3.3, cannot even load the report: Maven names a missing Doxia class.)
     */
    static void requireDoxia2() throws MavenReportException {
        try {
            Sink.class.getMethod("tableRows");
        } catch (NoSuchMethodException e) {
            throw new MavenReportException("Exchange compliance: the site plugin renders with Doxia 1, which this "
                    + "report cannot use; pin maven-site-plugin 3.21.0 in <build><pluginManagement> (the README's "
                    + "pom shows how)");
        }
    }
}
