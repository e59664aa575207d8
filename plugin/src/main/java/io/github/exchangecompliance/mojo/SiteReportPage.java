package io.github.exchangecompliance.mojo;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.report.ConsoleReport;
import io.github.exchangecompliance.report.ReportView;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;

/**
 * The site report's page, drawn on Doxia's sink: the counts, the findings by rule (each linking to its page) and by
 * file, with the servers declared in each file. What it shows is {@link ReportView}'s, shared with the standalone
 * HTML report; only the drawing is here, beside the one goal that uses it.
 */
final class SiteReportPage {

    private SiteReportPage() {}

    static void render(ReportView view, Sink sink) {
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
            sink.text(group.file()
                    + (group.servers().isEmpty() ? "" : " (servers " + String.join(", ", group.servers()) + ")") + ": "
                    + ConsoleReport.counts(group.findings()));
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
