package io.github.exchangecompliance.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.exchangecompliance.ansible.AnsibleLoader;
import io.github.exchangecompliance.ansible.DscLoader;
import io.github.exchangecompliance.ansible.Jinja;
import io.github.exchangecompliance.ansible.Unresolved;
import io.github.exchangecompliance.ansible.Var;
import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.cert.CertificateFiles;
import io.github.exchangecompliance.engine.Catalog;
import io.github.exchangecompliance.live.ImportWriter;
import io.github.exchangecompliance.live.LiveExports;
import io.github.exchangecompliance.load.NativeLoader;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.suppress.Baseline;
import io.github.exchangecompliance.yaml.YamlDocument;
import io.github.exchangecompliance.yaml.YamlFile;
import io.github.exchangecompliance.yaml.YamlLimits;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing with Jazzer of what reads untrusted input: the YAML reader with the native loader, the
 * Ansible and DSC loaders, inventories, ansible.cfg, the baseline, the certificate reader and the CliXml
 * exports the import reads. Any exception, hang or out-of-memory is a failure. With the
 * tests, the seeds in {@code src/test/resources/io/github/exchangecompliance/fuzz/} run; {@code JAZZER_FUZZ=1}
 * fuzzes for each test's maxDuration (see the README for a long run).
 */
class LoadersFuzzTest {

    private static final YamlReader READER = new YamlReader(new YamlLimits(1 << 20, 100, 50, 10_000));
    /** Findings are not what is tested here, and keeping them would fill the heap over millions of runs. */
    private static final Reporter IGNORE = new Reporter() {
        @Override
        public void report(Location location, String message) {}

        @Override
        public void report(Severity severity, Location location, String message) {}
    };

    private static YamlFile read(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".yaml");
        try {
            Files.write(file, bytes);
            return READER.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void nativeFormat(byte[] input) throws IOException {
        NativeLoader loader = new NativeLoader(IGNORE);
        loader.load(loader.bind(read(input)));
    }

    @FuzzTest(maxDuration = "20s")
    void ansibleAndDsc(byte[] input) throws IOException {
        YamlFile yaml = read(input);
        Map<Path, YamlNode> ansible = new LinkedHashMap<>();
        for (YamlDocument document : yaml.documents()) {
            if (AnsibleLoader.isAnsible(document.root())) {
                ansible.put(yaml.path(), document.root());
            }
            if (DscLoader.isDsc(document.root())) {
                new DscLoader(IGNORE).load(yaml.path(), (YamlMap) document.root());
            }
        }
        if (!ansible.isEmpty()) {
            new AnsibleLoader(
                            List.of(yaml.path().getParent()),
                            List.of(),
                            List.of(),
                            new AnsibleLoader.Reporters(IGNORE, IGNORE, IGNORE),
                            READER)
                    .load(ansible, Map.of());
        }
    }

    @FuzzTest(maxDuration = "20s")
    void certificates(byte[] input) throws IOException {
        Path file = Files.createTempFile("fuzz", ".cer");
        try {
            Files.write(file, input);
            CertificateFiles.read(file, Location.startOf(file));
        } catch (CertificateFiles.CertificateFileException expected) {
            // A clear EX0005 message is the right answer to garbage.
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A CliXml export, read and written as the native format, as {@code import} does with it. */
    @FuzzTest(maxDuration = "20s")
    void liveExports(byte[] input) throws IOException {
        Path file = Files.createTempFile("fuzz", ".xml");
        try {
            Files.write(file, input);
            ImportWriter.files(LiveExports.read(List.of(file)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final String PLAYBOOK = """
            - hosts: exchange
              tasks:
                - win_regedit: {path: 'HKLM:\\SOFTWARE\\x', name: "{{ value_name | default('y') }}", data: 1}
            """;

    /** A repository of one playbook and the input as the file {@code name}, checked by the Ansible loader. */
    private static void ansibleRepository(String name, byte[] input, boolean asParameter) throws IOException {
        Path dir = Files.createTempDirectory("fuzz");
        try {
            Path playbook = dir.resolve("site.yml");
            Files.writeString(playbook, PLAYBOOK);
            Files.write(dir.resolve(name), input);
            YamlFile yaml = READER.read(playbook);
            new AnsibleLoader(
                            List.of(dir),
                            List.of("exchange"),
                            asParameter ? List.of(dir.resolve(name)) : List.of(),
                            new AnsibleLoader.Reporters(IGNORE, IGNORE, IGNORE),
                            READER)
                    .load(Map.of(playbook, yaml.documents().get(0).root()), Map.of());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** An inventory, INI or YAML, as the repository's content. */
    @FuzzTest(maxDuration = "20s")
    void inventories(byte[] input) throws IOException {
        ansibleRepository("inventory", input, false);
    }

    /** ansible.cfg, naming (or not) an inventory. */
    @FuzzTest(maxDuration = "20s")
    void ansibleCfg(byte[] input) throws IOException {
        ansibleRepository("ansible.cfg", input, false);
    }

    /** The baseline file: read, then applied to a finding. */
    @FuzzTest(maxDuration = "20s")
    void baseline(byte[] input) throws IOException {
        Path file = Files.createTempFile("fuzz", ".json");
        try {
            Files.write(file, input);
            Finding finding = new Finding(Catalog.YAML_SYNTAX, Severity.ERROR, Location.startOf(file), "a.yaml:1:2");
            Baseline.read(file, 1 << 20, IGNORE).apply(List.of(finding), file.getParent(), new ArrayList<>());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Variables of every kind a template may meet: text, number, boolean, list, map, a template, nothing. */
    private static final Map<String, Var> VARIABLES = variables();

    private static Map<String, Var> variables() {
        Location at = new Location(Path.of("group_vars/all.yml"), 1, 1);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", new Var("SchUseStrongCrypto", at));
        map.put("value", new Var(1L, at));
        Map<String, Var> vars = new LinkedHashMap<>();
        vars.put("text", new Var("TLS 1.2", at));
        vars.put("number", new Var(1L, at));
        vars.put("flag", new Var(true, at));
        vars.put("list", new Var(List.of(new Var("a", at), new Var(2L, at)), at));
        vars.put("map", new Var(map, at));
        vars.put("template", new Var("{{ number }}", at));
        vars.put("loop", new Var("{{ loop }}", at));
        vars.put("none", new Var(null, at));
        return vars;
    }

    /** The template evaluator alone: whatever the text, it renders or says why not (Unresolved), nothing else. */
    @FuzzTest(maxDuration = "20s")
    void jinjaTemplates(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        Jinja jinja = new Jinja(VARIABLES);
        Location at = Location.startOf(Path.of("tasks.yml"));
        try {
            jinja.render(text, at);
        } catch (Unresolved expected) {
            // An EX0003 note: the right answer to what the plugin does not evaluate.
        }
        try {
            jinja.decide(text, at);
        } catch (Unresolved expected) {
            // As above.
        }
    }
}
