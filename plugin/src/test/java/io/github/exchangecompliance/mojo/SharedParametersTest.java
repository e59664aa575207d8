package io.github.exchangecompliance.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code report} reads the repository as {@code check} does, so each input parameter it shares with {@code check}
 * must be the same to a user: name, type, default, property and documentation, as the generated plugin descriptor
 * (what {@code mvn help:describe} and the goals' pages show) says. ({@code baseline} extends {@code check}.)
 */
class SharedParametersTest {

    private static Map<String, Map<String, String>> parameters(Document descriptor, String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!text(mojo, "goal").equals(goal)) {
                continue;
            }
            Map<String, Map<String, String>> found = new LinkedHashMap<>();
            NodeList params =
                    ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < params.getLength(); j++) {
                Element p = (Element) params.item(j);
                Map<String, String> facts = new LinkedHashMap<>();
                for (String fact : List.of("type", "required", "editable", "description")) {
                    facts.put(fact, text(p, fact));
                }
                found.put(text(p, "name"), facts);
            }
            NodeList configuration =
                    ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
            for (int j = 0; j < configuration.getLength(); j++) {
                if (configuration.item(j) instanceof Element c && found.containsKey(c.getTagName())) {
                    found.get(c.getTagName()).put("expression", c.getTextContent());
                    found.get(c.getTagName()).put("default", c.getAttribute("default-value"));
                }
            }
            return found;
        }
        throw new AssertionError("no goal " + goal);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    @Test
    void reportsParametersAreChecksParameters() throws Exception {
        Document descriptor = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"));
        Map<String, Map<String, String>> check = parameters(descriptor, "check");
        Map<String, Map<String, String>> report = parameters(descriptor, "report");
        // outputDirectory is the site's folder for a report (Maven's reporting API), not check's reports folder.
        List<String> shared = report.keySet().stream()
                .filter(check::containsKey)
                .filter(name -> !name.equals("outputDirectory"))
                .toList();
        assertThat(shared).hasSizeGreaterThanOrEqualTo(13).contains("sourceDirectories", "ansibleInventory", "rules");
        for (String name : shared) {
            assertThat(report.get(name)).as(name).isEqualTo(check.get(name));
        }
    }
}
