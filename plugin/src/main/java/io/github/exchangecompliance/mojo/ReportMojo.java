package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Checker;
import io.github.exchangecompliance.report.ConsoleReport;
import io.github.exchangecompliance.report.ReportView;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;
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

    /** Rule id or name to {@code error}, {@code warning}, {@code note} or {@code off}. */
    @Parameter
    Map<String, String> rules;

    /** The date certificates and support are judged at (ISO); today in UTC when not set. */
    @Parameter(property = "exchange-compliance.referenceDate")
    String referenceDate;

    /** EX2005 warns this many days before a certificate expires. */
    @Parameter(property = "exchange-compliance.certificateExpiryWarningDays", defaultValue = "30")
    int certificateExpiryWarningDays;

    /** The Microsoft 365 cloud: {@code Global}, {@code GCCHigh}, {@code DoD} or {@code China}. */
    @Parameter(property = "exchange-compliance.environment")
    String environment;

    /** The largest file, in bytes, that is read. */
    @Parameter(property = "exchange-compliance.maxFileSize", defaultValue = "16777216")
    long maxFileSize;

    /** How deep mappings and lists may nest in one document. */
    @Parameter(property = "exchange-compliance.maxNestingDepth", defaultValue = "100")
    int maxNestingDepth;

    /** How many aliases one document may use. */
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

    /** Findings listed in this baseline file are shown as baselined. */
    @Parameter(property = "exchange-compliance.baselineFile",
            defaultValue = "${basedir}/exchange-compliance-baseline.json")
    File baselineFile;

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
            result = new Checker(new InputParameters(getProject().getBasedir(), sourceDirectories, includes, excludes,
                    rules, referenceDate, certificateExpiryWarningDays, environment, maxFileSize, maxNestingDepth,
                    maxAliases, ansibleServerGroup, ansibleInventory, false, baselineFile).toConfig()
                    .withFindingLimits(InputParameters.findingLimits(maxFindingsPerFile, maxFindings))).check();
        } catch (MojoExecutionException | IOException e) {
            throw new MavenReportException("Exchange compliance: " + e.getMessage(), e);
        }
        render(new ReportView(result), getSink());
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

    private static void render(ReportView view, Sink sink) {
        CheckResult result = view.result();
        sink.head();
        sink.title();
        sink.text("Exchange compliance");
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("Exchange compliance");
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text("Read " + result.filesRead() + " files, checked " + result.serversChecked() + " servers: "
                + ConsoleReport.counts(result) + ".");
        sink.paragraph_();

        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings by rule");
        sink.sectionTitle2_();
        sink.table();
        sink.tableRows();
        headerRow(sink, "Rule", "Severity", "Findings", "What it finds");
        for (ReportView.RuleGroup group : view.byRule()) {
            sink.tableRow();
            sink.tableCell();
            sink.link(group.rule().helpUri());
            sink.text(group.rule().id() + " " + group.rule().name());
            sink.link_();
            sink.tableCell_();
            cell(sink, group.rule().defaultSeverity().label());
            cell(sink, String.valueOf(group.findings().size()));
            cell(sink, group.rule().summary());
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
        sink.section2_();

        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings by file");
        sink.sectionTitle2_();
        for (ReportView.FileGroup group : view.byFile()) {
            if (group.findings().isEmpty()) {
                continue;
            }
            sink.section3();
            sink.sectionTitle3();
            sink.text(group.file() + (group.servers().isEmpty() ? "" : " (servers " + String.join(", ",
                    group.servers()) + ")") + ": " + ConsoleReport.counts(group.findings()));
            sink.sectionTitle3_();
            sink.table();
            sink.tableRows();
            headerRow(sink, "Where", "Severity", "Rule", "Message");
            for (Finding finding : group.findings()) {
                sink.tableRow();
                cell(sink, view.where(finding));
                cell(sink, finding.severity().label());
                sink.tableCell();
                sink.link(finding.rule().helpUri());
                sink.text(finding.rule().id());
                sink.link_();
                sink.tableCell_();
                wrappingCell(sink, finding.message());
                sink.tableRow_();
            }
            sink.tableRows_();
            sink.table_();
            sink.section3_();
        }
        sink.section2_();
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private static void headerRow(Sink sink, String... headers) {
        sink.tableRow();
        for (String header : headers) {
            sink.tableHeaderCell();
            sink.text(header);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }

    /**
     * A cell whose text may break anywhere: registry paths and URLs have no spaces, and would otherwise push the
     * table past a narrow window. (The text itself stays whole, so a path copied from the page still works.)
     */
    private static void wrappingCell(Sink sink, String text) {
        SinkEventAttributeSet style = new SinkEventAttributeSet();
        style.addAttribute(SinkEventAttributes.STYLE, "overflow-wrap: anywhere");
        sink.tableCell(style);
        sink.text(text);
        sink.tableCell_();
    }
}
