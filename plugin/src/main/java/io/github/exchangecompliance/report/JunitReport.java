package io.github.exchangecompliance.report;

import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.engine.Finding;
import io.github.exchangecompliance.engine.RuleDescriptor;
import io.github.exchangecompliance.engine.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test tabs ({@code TEST-exchange-compliance.xml}): one suite; for each checked file, one test
 * case a rule that ran, or one a finding when the rule found something; a failure for each finding at or above
 * {@code failOnSeverity}, skipped for a suppressed one. A suite is never empty (CI servers reject those): with no file checked it holds one
 * passing case that says so.
 */
public final class JunitReport {

    public static final String FILE_NAME = "TEST-exchange-compliance.xml";

    private record Case(String name, String file, Finding finding) {
    }

    private final Severity threshold;

    public JunitReport(Severity threshold) {
        this.threshold = threshold;
    }

    public void write(CheckResult result, Path target) throws IOException {
        AtomicFile.write(target, out -> write(result, out));
    }

    void write(CheckResult result, OutputStream out) throws IOException {
        List<Case> cases = cases(result);
        long failures = cases.stream().filter(c -> c.finding() != null && !c.finding().suppressed()
                && fails(c.finding())).count();
        long skipped = cases.stream().filter(c -> c.finding() != null && c.finding().suppressed()).count();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "exchange-compliance");
            xml.writeAttribute("tests", String.valueOf(cases.size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(result.toolErrors().size()));
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("time", seconds(result));
            xml.writeCharacters("\n");
            for (Case c : cases) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", c.name());
                xml.writeAttribute("classname", c.file());
                xml.writeAttribute("time", "0");
                if (c.finding() != null) {
                    Finding f = c.finding();
                    String where = c.file() + ":" + f.location().line() + ":" + f.location().column();
                    if (f.suppressed()) {
                        xml.writeStartElement("skipped");
                        xml.writeAttribute("message", "suppressed (" + f.suppression().justification() + "): " + where
                                + ": " + f.message());
                        xml.writeEndElement();
                    } else if (fails(f)) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", f.message());
                        xml.writeAttribute("type", f.rule().id() + " " + f.severity().label());
                        xml.writeCharacters(where + ": " + f.rule().id() + " " + f.rule().name() + ": " + f.message()
                                + "\n" + f.rule().helpUri());
                        xml.writeEndElement();
                    } else {
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(f.severity().label() + " below failOnSeverity: " + where + ": "
                                + f.message());
                        xml.writeEndElement();
                    }
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            for (String error : result.toolErrors()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", "rule execution");
                xml.writeAttribute("classname", "exchange-compliance");
                xml.writeStartElement("error");
                xml.writeAttribute("message", error);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report", e);
        }
    }

    private boolean fails(Finding finding) {
        return finding.severity().atLeast(threshold);
    }

    private static List<Case> cases(CheckResult result) {
        List<Case> cases = new ArrayList<>();
        for (String file : result.relativeFiles()) {
            for (RuleDescriptor rule : result.rulesRun()) {
                String name = rule.id() + " " + rule.name();
                List<Finding> found = result.findings().stream()
                        .filter(f -> f.rule().equals(rule) && result.relativePath(f).equals(file)).toList();
                if (found.isEmpty()) {
                    cases.add(new Case(name, file, null));
                }
                for (Finding f : found) {
                    cases.add(new Case(name + " at line " + f.location().line() + ":" + f.location().column(), file,
                            f));
                }
            }
        }
        if (cases.isEmpty()) {
            cases.add(new Case("no Exchange infrastructure file was found to check", "exchange-compliance", null));
        }
        return cases;
    }

    private static String seconds(CheckResult result) {
        return String.format(Locale.ROOT, "%.3f", result.duration().toMillis() / 1000.0);
    }
}
