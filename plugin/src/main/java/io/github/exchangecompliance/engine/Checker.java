package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.ansible.AnsibleLoader;
import io.github.exchangecompliance.ansible.DscLoader;
import io.github.exchangecompliance.ansible.DynamicInventory;
import io.github.exchangecompliance.api.Finding;
import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Rule;
import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.live.Drift;
import io.github.exchangecompliance.live.ExportFiles;
import io.github.exchangecompliance.live.LiveExports;
import io.github.exchangecompliance.load.BrokenFiles;
import io.github.exchangecompliance.load.CertificateLoader;
import io.github.exchangecompliance.load.NativeLoader;
import io.github.exchangecompliance.load.NormalPaths;
import io.github.exchangecompliance.load.SourceScanner;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.ModelMerge;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryScope;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.ServerGroup;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.rules.Inspection;
import io.github.exchangecompliance.rules.KeyRule;
import io.github.exchangecompliance.rules.ModelRule;
import io.github.exchangecompliance.rules.RegistryRule;
import io.github.exchangecompliance.rules.ServerRule;
import io.github.exchangecompliance.suppress.Baseline;
import io.github.exchangecompliance.suppress.InlineSuppressions;
import io.github.exchangecompliance.yaml.YamlFile;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlProblem;
import io.github.exchangecompliance.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs a check: finds the files, reads and classifies each once, builds the model, and dispatches every rule
 * that is not off to what it inspects. Knows nothing of Maven.
 */
public final class Checker {

    private final CheckConfig config;

    public Checker(CheckConfig config) {
        this.config = config;
    }

    public CheckResult check() throws IOException {
        long start = System.nanoTime();
        SourceScanner.Scan scan =
                new SourceScanner(config.includes(), config.excludes()).scan(config.sourceDirectories());
        Findings findings = new Findings(config.rules(), config.findingLimits().perFile());
        Reporter syntax = findings.reporterFor(Catalog.YAML_SYNTAX);
        for (Path unreadable : scan.unreadable()) {
            syntax.report(
                    Location.startOf(unreadable),
                    java.nio.file.Files.isDirectory(unreadable)
                            ? "the folder cannot be read, so the files in it were not checked"
                            : "the file cannot be read");
        }
        Baseline baseline = config.baselineFile() == null
                ? null
                : Baseline.read(config.baselineFile(), config.limits().maxFileSize(), syntax);
        YamlReader reader = new YamlReader(config.limits());
        Reporter schema = findings.reporterFor(Catalog.SCHEMA);
        Reporter notStatic = findings.reporterFor(Catalog.INVENTORY_NOT_STATIC);
        NativeLoader nativeLoader = new NativeLoader(schema);
        Inputs inputs = sortInputs(scan, reader, nativeLoader, syntax, schema, notStatic);
        InfraModel nativeModel = nativeLoader.load(inputs.nativeDocuments, new BrokenFiles(inputs.brokenFiles));
        Declared declared = loadAnsibleAndDsc(inputs, reader, findings, syntax, notStatic);
        InfraModel model = ModelMerge.merge(
                nativeModel, declared.servers(), declared.groups(), declared.mitigations(), declared.sendConnectors());
        if (model.servers().isEmpty()) {
            noServers(
                    findings.reporterFor(Catalog.NO_EXCHANGE_SERVERS),
                    declared.ansible(),
                    inputs.ansibleFiles.keySet(),
                    inputs.dscDocuments,
                    inputs.nativeDocuments);
        }
        model = model.withChains(new CertificateLoader(
                        findings.reporterFor(Catalog.CERTIFICATE_FILE), new SourceFiles(config.sourceDirectories()))
                .load(model.certificates()));
        String exportsCompared = compareWithExports(model, findings, syntax);
        List<String> toolErrors = new ArrayList<>();
        runRules(model, findings, toolErrors);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Listed listed = list(findings, inputs.suppressionFiles, baseline);
        return result(model, nativeModel, inputs, declared, findings, listed, took, toolErrors, exportsCompared);
    }

    /**
     * EX0008: what the live servers' exports hold against the repository. A folder without exports, or exports
     * that hold nothing compared, is said: the comparison did not happen. A broken export is EX0001 at its line.
     */
    private String compareWithExports(InfraModel model, Findings findings, Reporter syntax) throws IOException {
        if (config.exports().isEmpty() || config.rules().isOff(Catalog.LIVE_DRIFT)) {
            return null;
        }
        Reporter drift = findings.reporterFor(Catalog.LIVE_DRIFT);
        ExportFiles files = ExportFiles.find(config.exports());
        for (Path missing : files.missing()) {
            drift.report(Location.startOf(missing), "the exports folder does not exist, so nothing was compared");
        }
        LiveExports live = LiveExports.read(files.exports());
        for (LiveExports.Broken broken : live.broken()) {
            syntax.report(new Location(broken.file(), broken.line(), 1), "the export " + broken.message());
        }
        if (live.isEmpty() && files.missing().isEmpty()) {
            drift.report(
                    Location.startOf(config.exports().get(0)),
                    files.exports().isEmpty()
                            ? "the exports hold no Export-Clixml file, so nothing was compared with the servers"
                            : "the exports hold no Exchange server, connector, certificate or TLS settings, so "
                                    + "nothing was compared with the servers");
            return "";
        }
        Drift.of(model, live, config.baseDirectory()).forEach(d -> drift.report(d.location(), d.message()));
        int servers = live.servers().size();
        int read = files.exports().size();
        return "the exports of " + servers + (servers == 1 ? " server" : " servers") + " (" + read
                + (read == 1 ? " file" : " files") + ")";
    }

    /**
     * What Ansible and DSC declare, beside the native documents: servers, groups, the organization's mitigation
     * setting, and why each server was taken for an Exchange server.
     *
     * @param skipped the files read for nothing, once the inventories and variable files Ansible used are counted
     */
    private record Declared(
            List<Server> servers,
            List<ServerGroup> groups,
            Value<Boolean> mitigations,
            List<SendConnector> sendConnectors,
            AnsibleLoader.Result ansible,
            Map<String, String> why,
            int skipped) {}

    private Declared loadAnsibleAndDsc(
            Inputs inputs, YamlReader reader, Findings findings, Reporter syntax, Reporter notStatic) {
        Reporter unresolved = findings.reporterFor(Catalog.UNRESOLVED_VALUE);
        List<Server> servers = new ArrayList<>();
        List<ServerGroup> groups = new ArrayList<>();
        List<SendConnector> sendConnectors = new ArrayList<>();
        Map<String, String> why = new HashMap<>();
        AnsibleLoader.Result ansible = null;
        List<Path> skipped = inputs.skippedFiles;
        if (!inputs.ansibleFiles.isEmpty()) {
            ansible = new AnsibleLoader(
                            config.sourceDirectories(),
                            config.ansibleServerGroups(),
                            config.ansibleInventories(),
                            new AnsibleLoader.Reporters(unresolved, syntax, notStatic),
                            reader)
                    .load(inputs.ansibleFiles, inputs.variableFiles);
            servers.addAll(ansible.servers());
            groups.addAll(ansible.standalone());
            sendConnectors.addAll(ansible.sendConnectors());
            ansible.identified().forEach(i -> why.put(i.server().toLowerCase(Locale.ROOT), i.why()));
            // Inventories and variable files are not Ansible by their content, but they were read: count them.
            Set<Path> used = ansible.filesUsed();
            Map<Boolean, List<Path>> byUse =
                    skipped.parallelStream().collect(Collectors.partitioningBy(f -> used.contains(NormalPaths.of(f))));
            inputs.read.addAll(byUse.get(true));
            skipped = byUse.get(false);
        }
        DscLoader dsc = new DscLoader(unresolved);
        for (DscDocument document : inputs.dscDocuments) {
            DscLoader.Result loaded = dsc.load(document.file(), document.root());
            loaded.server()
                    .ifPresent(server -> why.putIfAbsent(
                            server.displayName().toLowerCase(Locale.ROOT),
                            "a DSC document configures it as an Exchange server"));
            loaded.server().ifPresent(servers::add);
            loaded.standalone().ifPresent(groups::add);
            sendConnectors.addAll(loaded.sendConnectors());
        }
        return new Declared(
                servers,
                groups,
                ansible == null ? null : ansible.organizationMitigations(),
                sendConnectors,
                ansible,
                why,
                skipped.size());
    }

    private CheckResult result(
            InfraModel model,
            InfraModel nativeModel,
            Inputs inputs,
            Declared declared,
            Findings findings,
            Listed listed,
            Duration took,
            List<String> toolErrors,
            String exportsCompared) {
        List<RuleDescriptor> ran = Catalog.descriptors().stream()
                .filter(r -> !config.rules().isOff(r))
                .toList();
        inputs.read.sort(null);
        Map<Path, List<String>> serversByFile = new HashMap<>();
        model.servers()
                .forEach(s -> serversByFile
                        .computeIfAbsent(s.location().file(), f -> new ArrayList<>())
                        .add(s.displayName()));
        Set<String> nativeNames = nativeModel.servers().stream()
                .map(s -> s.displayName().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new CheckResult(
                config.baseDirectory(),
                listed.findings(),
                inputs.read,
                declared.skipped(),
                model.servers().size(),
                took,
                toolErrors,
                ran,
                serversByFile,
                model,
                listed.staleBaseline(),
                new CheckResult.Unlisted(listed.unlisted(), findings.filesOverLimit(), listed.runOverLimit()),
                model.servers().stream()
                        .map(server -> new CheckResult.ServerFound(
                                server.displayName(),
                                server.location(),
                                nativeNames.contains(server.displayName().toLowerCase(Locale.ROOT))
                                        ? "a native Server document declares it"
                                        : declared.why()
                                                .getOrDefault(
                                                        server.displayName().toLowerCase(Locale.ROOT), "declared")))
                        .toList(),
                declared.ansible() == null ? 0 : declared.ansible().quietNotes(),
                exportsCompared);
    }

    /**
     * EX0006 when the inputs hold Ansible, DSC or native documents but no server: at the inventory (else ansible.cfg,
     * else the first Ansible, DSC or native file).
     */
    private void noServers(
            Reporter out,
            AnsibleLoader.Result ansible,
            Collection<Path> ansibleFiles,
            List<DscDocument> dsc,
            List<NativeLoader.Bound> nativeDocuments) {
        Optional<Location> at = Optional.ofNullable(ansible)
                .map(AnsibleLoader.Result::inventoryAt)
                .or(() -> ansibleFiles.stream().findFirst().map(Location::startOf))
                .or(() -> dsc.stream().findFirst().map(d -> Location.startOf(d.file())))
                .or(() -> nativeDocuments.stream().findFirst().map(NativeLoader.Bound::location));
        at.ifPresent(where -> out.report(
                where,
                ansible != null
                        ? AnsibleLoader.noServersMessage(ansible, config.ansibleServerGroups())
                        : "no Exchange server was identified: no native Server document, and no DSC document that configures "
                                + "an Exchange server (an ExchangeDsc resource, or metadata exchangeServer: <name>); no rule "
                                + "about a server was checked. Declare the servers as native Server documents"));
    }

    /** Files are read this many at a time, in parallel: what is held at once stays bounded. */
    private static final int READ_BATCH = 256;

    /** What the reports list: the findings with suppressions and the baseline applied, within maxFindings. */
    private record Listed(
            List<Finding> findings, List<String> staleBaseline, Map<Severity, Long> unlisted, boolean runOverLimit) {}

    /**
     * Applies the inline suppressions (their own problems are EX0004 findings) and the baseline to what the rules
     * found, and keeps the most serious findings when there are more than maxFindings.
     */
    private Listed list(Findings findings, List<Path> suppressionFiles, Baseline baseline) {
        List<Finding> all = findings.sorted();
        Findings suppressionProblems = new Findings(config.rules());
        if (!config.ignoreInlineSuppressions() && !config.rules().isOff(Catalog.SUPPRESSION)) {
            all = InlineSuppressions.apply(
                    all,
                    suppressionFiles,
                    config.context().referenceDate(),
                    suppressionProblems.reporterFor(Catalog.SUPPRESSION),
                    findings.filesOverLimit(),
                    config.limits().maxFileSize(),
                    Catalog::find);
        }
        List<String> stale = new ArrayList<>();
        if (baseline != null) {
            all = baseline.apply(all, config.baseDirectory(), stale);
        }
        List<Finding> sorted = new ArrayList<>(all);
        sorted.addAll(suppressionProblems.sorted());
        Map<Severity, Long> unlisted = new EnumMap<>(Severity.class);
        unlisted.putAll(findings.omitted());
        boolean runOverLimit = sorted.size() > config.findingLimits().perRun();
        if (runOverLimit) {
            // The most serious findings that count are listed; suppressed ones go first when some must go.
            sorted.sort(Comparator.comparing(Finding::suppressed).thenComparing(Findings.KEPT_FIRST));
            sorted.subList(config.findingLimits().perRun(), sorted.size()).stream()
                    .filter(f -> !f.suppressed())
                    .forEach(f -> unlisted.merge(f.severity(), 1L, Long::sum));
            sorted = new ArrayList<>(sorted.subList(0, config.findingLimits().perRun()));
        }
        sorted.sort(null);
        return new Listed(sorted, stale, unlisted, runOverLimit);
    }

    /** The files read, sorted by what they are: native documents bound, Ansible and DSC kept, the rest counted. */
    private static final class Inputs {
        final List<NativeLoader.Bound> nativeDocuments = new ArrayList<>();
        final Map<Path, YamlNode> ansibleFiles = new LinkedHashMap<>();
        final Map<Path, YamlNode> variableFiles = new HashMap<>();
        final List<Path> suppressionFiles = new ArrayList<>();
        final List<DscDocument> dscDocuments = new ArrayList<>();
        final List<Path> skippedFiles = new ArrayList<>();
        final List<Path> brokenFiles = new ArrayList<>();
        final List<Path> read = new ArrayList<>();
    }

    /** Reads every file found and sorts it by kind, reporting what cannot be read (EX0001, EX0002, EX0007). */
    private static Inputs sortInputs(
            SourceScanner.Scan scan,
            YamlReader reader,
            NativeLoader nativeLoader,
            Reporter syntax,
            Reporter schema,
            Reporter notStatic) {
        Inputs in = new Inputs();
        in.brokenFiles.addAll(scan.unreadable());
        in.read.addAll(scan.unreadable());
        for (ReadFile readFile : readAll(reader, nativeLoader, scan.files())) {
            YamlFile yaml = readFile.yaml();
            Path file = yaml.path();
            if (yaml.mentionsSuppression()) {
                in.suppressionFiles.add(file);
            }
            FileKind kind = readFile.kind();
            if (yaml.problem().isPresent()) {
                YamlProblem problem = yaml.problem().get();
                syntax.report(problem.location(), problem.getMessage());
                in.brokenFiles.add(file);
            } else if (yaml.isEmpty()) {
                // Only comments, "---" or nothing: valid YAML that declares nothing, like any other file that is
                // not Exchange infrastructure (a vars file kept as a placeholder, say).
                in.skippedFiles.add(file);
                continue;
            } else if (kind == FileKind.OTHER) {
                YamlNode root = yaml.documents().get(0).root();
                Optional<String> plugin = DynamicInventory.foundInRepository(file, root);
                if (plugin.isPresent()) {
                    notStatic.report(
                            Location.startOf(file), "the file is " + DynamicInventory.pluginMessage(plugin.get()));
                    in.read.add(file);
                    continue;
                }
                in.skippedFiles.add(file);
                if (AnsibleLoader.mayHoldVariables(file)) {
                    in.variableFiles.put(file, root);
                }
                continue;
            }
            in.read.add(file);
            if (kind == FileKind.ANSIBLE) {
                in.ansibleFiles.put(file, yaml.documents().get(0).root());
            }
            if (kind == FileKind.DSC) {
                yaml.documents().stream()
                        .filter(d -> DscLoader.isDsc(d.root()))
                        .forEach(d -> in.dscDocuments.add(new DscDocument(file, (YamlMap) d.root())));
            }
            if (kind == FileKind.NATIVE) {
                yaml.duplicateKeys().forEach(d -> schema.report(d.location(), d.getMessage()));
                in.nativeDocuments.addAll(readFile.nativeDocuments());
            }
        }
        return in;
    }

    /** A file as read, its format, and its native documents bound (the native files' trees are not kept). */
    private record ReadFile(YamlFile yaml, FileKind kind, List<NativeLoader.Bound> nativeDocuments) {}

    /**
     * The files, read in parallel (reading and parsing is most of the work for a large repository, and files are
     * independent), in their order: the outcome does not depend on the threads. Native documents are bound as
     * they are read, so that no more than a batch of native trees is held at once.
     */
    private static Iterable<ReadFile> readAll(YamlReader reader, NativeLoader nativeLoader, List<Path> files) {
        return () -> IntStream.iterate(0, from -> from < files.size(), from -> from + READ_BATCH)
                .mapToObj(from -> files.subList(from, Math.min(files.size(), from + READ_BATCH)))
                .flatMap(batch -> batch.parallelStream()
                        .map(file -> {
                            YamlFile yaml = reader.read(file);
                            FileKind kind = FileKind.of(yaml);
                            return new ReadFile(
                                    yaml, kind, kind == FileKind.NATIVE ? nativeLoader.bind(yaml) : List.of());
                        })
                        .toList()
                        .stream())
                .iterator();
    }

    /** A DSC v3 configuration document and its file. */
    private record DscDocument(Path file, YamlMap root) {}

    /**
     * Runs every rule that is not off. Rules keep no state and do not depend on each other: they run in parallel,
     * each into findings of its own, merged in the catalog's order, so the outcome does not depend on the threads.
     * A rule that throws is a defect of the plugin, not a finding: it is kept as a tool error, and the other rules
     * still run.
     */
    private void runRules(InfraModel model, Findings findings, List<String> toolErrors) {
        Inspected inspected = Inspected.of(model, config.context());
        List<RuleRun> runs = Catalog.rules().stream()
                .filter(rule -> !config.rules().isOff(RuleDescriptor.of(rule.getClass())))
                .toList()
                .parallelStream()
                .map(rule -> run(rule, model, inspected))
                .toList();
        for (RuleRun run : runs) {
            findings.addAll(run.findings());
            run.toolError().ifPresent(toolErrors::add);
        }
    }

    /** What one rule found, or why it failed. */
    private record RuleRun(Findings findings, Optional<String> toolError) {}

    private RuleRun run(Rule rule, InfraModel model, Inspected inspected) {
        RuleDescriptor descriptor = RuleDescriptor.of(rule.getClass());
        Findings found = new Findings(config.rules(), config.findingLimits().perFile());
        try {
            dispatch(rule, model, inspected, found.reporterFor(descriptor));
            return new RuleRun(found, Optional.empty());
        } catch (RuntimeException e) {
            return new RuleRun(found, Optional.of(descriptor.id() + " " + descriptor.name() + " failed: " + e));
        }
    }

    /**
     * What the registry rules inspect, each once: every group's registry, each distinct server registry (servers
     * deployed alike declare equal ones, and equal registries give equal findings), each distinct key grouped with
     * the keys that say the same elsewhere ({@link AlikeInputs}), and what the
     * model and server rules share.
     */
    private record Inspected(AlikeInputs<RegistryScope> scopes, AlikeInputs<RegistryKey> keys, Inspection inspection) {
        static Inspected of(InfraModel model, RuleContext context) {
            Set<Registry> seen = new HashSet<>();
            List<RegistryScope> scopes = model.registryScopes().stream()
                    .filter(scope -> seen.add(scope.registry()) || scope.group().isPresent())
                    .toList();
            // Most keys are shared objects (a group's, in each of its servers): only a new object is compared.
            Set<RegistryKey> objects = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<RegistryKey> keys = new LinkedHashSet<>();
            scopes.forEach(scope ->
                    scope.registry().keys().stream().filter(objects::add).forEach(keys::add));
            KeyShapes shapes = new KeyShapes(objects);
            return new Inspected(
                    AlikeInputs.of(
                            scopes,
                            // A group's scope is checked on its own: what is found may depend on the group.
                            scope -> scope.group().isPresent()
                                    ? new Object()
                                    : shapes.ofAll(scope.registry().keys()),
                            scope -> scope.registry().keys()),
                    AlikeInputs.of(keys, shapes::of, List::of),
                    Inspection.of(model, context));
        }
    }

    /** Hands the rule what it inspects. */
    private void dispatch(Rule rule, InfraModel model, Inspected inspected, Reporter out) {
        if (rule instanceof KeyRule keyRule) {
            inspected.keys().check(keyRule::check, out);
        }
        if (rule instanceof RegistryRule registryRule) {
            inspected.scopes().check(registryRule::check, out);
        }
        if (rule instanceof ServerRule serverRule) {
            model.servers().forEach(server -> serverRule.check(server, inspected.inspection(), out));
        }
        if (rule instanceof ModelRule modelRule) {
            modelRule.check(inspected.inspection(), out);
        }
    }
}
