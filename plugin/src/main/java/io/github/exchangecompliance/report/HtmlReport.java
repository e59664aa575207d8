package io.github.exchangecompliance.report;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A standalone HTML page of the findings ({@code exchange-compliance.html}), for a CI artifact: the same view
 * as the Maven site report, without a site.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "exchange-compliance.html";
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0;width:100%}th,td{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f0f0f0}.error{color:#b00020;font-weight:bold}"
            + ".warning{color:#a05a00;font-weight:bold}.note{color:#555}code{font-size:90%}";

    public void write(CheckResult result, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            try {
                XMLStreamWriter html = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                render(new ReportView(result), html);
                html.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write the HTML report", e);
            }
        });
    }

    private static void render(ReportView view, XMLStreamWriter html) throws XMLStreamException {
        CheckResult result = view.result();
        html.writeDTD("<!DOCTYPE html>");
        html.writeStartElement("html");
        html.writeStartElement("head");
        element(html, "title", "Exchange compliance");
        html.writeStartElement("style");
        html.writeCharacters(STYLE);
        html.writeEndElement();
        html.writeEndElement();
        html.writeStartElement("body");
        element(html, "h1", "Exchange compliance");
        element(
                html,
                "p",
                "Read " + result.filesRead() + " files, checked " + result.serversChecked() + " servers: "
                        + ConsoleReport.counts(result) + ".");
        element(html, "h2", "Findings by rule");
        table(html, "rule", "severity", "findings");
        for (ReportView.RuleGroup group : view.byRule()) {
            html.writeStartElement("tr");
            html.writeStartElement("td");
            html.writeStartElement("a");
            html.writeAttribute("href", group.rule().helpUri());
            html.writeCharacters(group.rule().id() + " " + group.rule().name());
            html.writeEndElement();
            html.writeEndElement();
            element(html, "td", group.rule().defaultSeverity().label());
            element(html, "td", String.valueOf(group.findings().size()));
            html.writeEndElement();
        }
        html.writeEndElement();
        element(html, "h2", "Findings by file");
        for (ReportView.FileGroup group : view.byFile()) {
            if (group.findings().isEmpty()) {
                continue;
            }
            element(
                    html,
                    "h3",
                    group.file() + (group.servers().isEmpty() ? "" : " (" + String.join(", ", group.servers()) + ")"));
            table(html, "where", "severity", "rule", "message");
            for (Finding finding : group.findings()) {
                html.writeStartElement("tr");
                element(html, "td", view.where(finding));
                html.writeStartElement("td");
                html.writeAttribute("class", finding.severity().label());
                html.writeCharacters(finding.severity().label());
                html.writeEndElement();
                element(html, "td", finding.rule().id());
                element(html, "td", finding.message());
                html.writeEndElement();
            }
            html.writeEndElement();
        }
        html.writeEndElement();
        html.writeEndElement();
        html.writeEndDocument();
    }

    private static void table(XMLStreamWriter html, String... headers) throws XMLStreamException {
        html.writeStartElement("table");
        html.writeStartElement("tr");
        for (String header : headers) {
            element(html, "th", header);
        }
        html.writeEndElement();
    }

    private static void element(XMLStreamWriter html, String name, String text) throws XMLStreamException {
        html.writeStartElement(name);
        html.writeCharacters(text);
        html.writeEndElement();
    }
}
