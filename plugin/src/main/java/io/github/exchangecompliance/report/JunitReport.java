package io.github.exchangecompliance.report;

import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.engine.CheckResult;
import io.github.exchangecompliance.files.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test tabs ({@code TEST-exchange-compliance.xml}), as Jenkins, GitLab and Azure Pipelines show it:
 * one suite; one test case a finding, named by rule and place ({@code EX1003 at exchange/ex01.yaml:14:9}), and one
 * passing case a rule that ran and found nothing ({@code EX1003 dotnet-strong-crypto: no finding in 6 files}).
 * The class name is {@code exchange-compliance.<rule id and name>}: Jenkins takes what follows the last dot as the
 * class, and a file name's dots would split it. A finding at or above {@code failOnSeverity} is a failure
 * ({@code none} never fails the build, but the report still shows errors as failures); a suppressed one is
 * skipped; the others carry their text in {@code system-out}. A suite is never empty (CI servers reject those).
 */
public final class JunitReport {

    public static final String FILE_NAME = "TEST-exchange-compliance.xml";

    private record Case(String name, String className, String file, Finding finding) {}

    private static final String PACKAGE = "exchange-compliance.";

    private final Severity threshold;

    /** @param failOnSeverity the build's threshold; {@link Severity#OFF} ({@code none}) shows errors as failures */
    public JunitReport(Severity failOnSeverity) {
        this.threshold = failOnSeverity == Severity.OFF ? Severity.ERROR : failOnSeverity;
    }

    public void write(CheckResult result, Path target) throws IOException {
        AtomicFile.write(target, out -> write(result, out));
    }

    void write(CheckResult result, OutputStream out) throws IOException {
        List<Case> cases = cases(result);
        long failures = cases.stream()
                .filter(c -> c.finding() != null && !c.finding().suppressed() && fails(c.finding()))
                .count();
        long skipped = cases.stream()
                .filter(c -> c.finding() != null && c.finding().suppressed())
                .count();
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
                xml.writeAttribute("classname", c.className());
                if (c.file() != null) {
                    xml.writeAttribute("file", c.file());
                }
                xml.writeAttribute("time", "0");
                if (c.finding() != null) {
                    Finding f = c.finding();
                    String where = c.file() + ":" + f.location().line() + ":"
                            + f.location().column();
                    xml.writeAttribute("line", String.valueOf(f.location().line()));
                    if (f.suppressed()) {
                        xml.writeStartElement("skipped");
                        xml.writeAttribute(
                                "message",
                                "suppressed (" + f.suppression().justification() + "): " + where + ": " + f.message());
                        xml.writeEndElement();
                    } else if (fails(f)) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", f.message());
                        xml.writeAttribute(
                                "type", f.rule().id() + " " + f.severity().label());
                        xml.writeCharacters(
                                where + ": " + f.rule().id() + " " + f.rule().name() + ": " + f.message() + "\n"
                                        + f.rule().helpUri());
                        xml.writeEndElement();
                    } else {
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(
                                f.severity().label() + " below failOnSeverity: " + where + ": " + f.message());
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
        int files = result.filesRead();
        for (RuleDescriptor rule : result.rulesRun()) {
            String className = PACKAGE + rule.id() + " " + rule.name();
            List<Finding> found = result.findings().stream()
                    .filter(f -> f.rule().equals(rule))
                    .toList();
            if (found.isEmpty()) {
                cases.add(new Case(
                        rule.id() + " " + rule.name() + ": no finding in " + files + (files == 1 ? " file" : " files"),
                        className,
                        null,
                        null));
            }
            Map<String, Integer> seen = new HashMap<>();
            for (Finding f : found) {
                String file = result.relativePath(f);
                String place = rule.id() + " at " + file + ":" + f.location().line() + ":"
                        + f.location().column();
                int same = seen.merge(place, 1, Integer::sum);
                // Two findings of one rule at one place (two servers sharing a value) keep distinct names.
                cases.add(new Case(same == 1 ? place : place + " (" + same + ")", className, file, f));
            }
        }
        if (cases.isEmpty()) {
            cases.add(new Case("no rule ran", PACKAGE + "summary", null, null));
        }
        return cases;
    }

    private static String seconds(CheckResult result) {
        return String.format(Locale.ROOT, "%.3f", result.duration().toMillis() / 1000.0);
    }
}
