package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.load.NormalPaths;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.ServerGroup;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlReader;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an Ansible repository as Ansible would run it against the Exchange servers (SPEC section 4.4): the hosts
 * of the inventory groups {@code ansibleServerGroup} when it is set, else the hosts the repository treats as
 * Exchange servers ({@link ExchangeEvidence}) and the group {@code exchange}; each server gets the tasks of the plays
 * that target it, with its group_vars, host_vars, play vars and role defaults and vars. Task files no play reaches
 * still stand as declarations of their own, so a wrong value in a role nobody applies is found too.
 */
public final class AnsibleLoader {

    /** The group whose hosts are Exchange servers by its name alone. */
    static final String EXCHANGE_GROUP = "exchange";

    /**
     * Where the loader reports: values it cannot evaluate (EX0003), files it may not read (EX0001) and inventories
     * it cannot evaluate offline (EX0007).
     */
    public record Reporters(Reporter unresolved, Reporter unreadable, Reporter notStatic) {}

    /**
     * What the repository's Ansible declares.
     *
     * @param identified why each server is one, in the order of {@code servers}
     * @param inventoryAt where the inventory starts (else ansible.cfg, else null): where a finding that no server
     *     was found stands
     * @param groupsSeen the inventory's groups with their host counts ("windows (3 hosts)"), for that finding
     * @param quietNotes how many values could not be evaluated that no rule reads (EX0003 notes not listed)
     */
    public record Result(
            List<Server> servers,
            List<ServerGroup> standalone,
            Value<Boolean> organizationMitigations,
            List<SendConnector> sendConnectors,
            Set<Path> filesUsed,
            List<Identified> identified,
            Location inventoryAt,
            List<String> groupsSeen,
            int quietNotes) {}

    /** Why a host is an Exchange server: a play that shows it (and where), or its group. */
    public record Identified(String server, String why, Location at) {}

    private final List<Path> roots;
    private final List<String> serverGroups;
    private final List<Path> inventoryParameter;
    private final Reporter unresolved;
    private final Reporter notStatic;
    private final NamedFiles named;
    private final YamlReader reader;
    private final Map<List<String>, RoleLookup> rolesFound = new ConcurrentHashMap<>();

    /**
     * @param serverGroups the groups whose hosts are the servers, exactly; empty to identify them
     * @param inventories the inventory sources the build names; empty to look for them
     */
    public AnsibleLoader(
            List<Path> roots,
            List<String> serverGroups,
            List<Path> inventories,
            Reporters reporters,
            YamlReader reader) {
        this.roots = roots;
        this.serverGroups = List.copyOf(serverGroups);
        this.inventoryParameter = List.copyOf(inventories);
        this.unresolved = reporters.unresolved();
        this.notStatic = reporters.notStatic();
        this.named = new NamedFiles(new SourceFiles(roots), reporters.unreadable());
        this.reader = reader;
    }

    /** True when a document is Ansible content: plays, or tasks that use a module the plugin reads. */
    public static boolean isAnsible(YamlNode root) {
        if (!(root instanceof YamlSeq seq) || seq.items().isEmpty()) {
            return false;
        }
        return seq.items().stream()
                .anyMatch(i -> i instanceof YamlMap m && (m.get("hosts").isPresent() || usesKnownModule(m)));
    }

    private static boolean usesKnownModule(YamlMap task) {
        if (Modules.find(task).isPresent()) {
            return true;
        }
        for (String block : TaskWalker.BLOCK_KEYS) {
            if (task.get(block)
                    .filter(YamlSeq.class::isInstance)
                    .map(b ->
                            ((YamlSeq) b).items().stream().anyMatch(i -> i instanceof YamlMap m && usesKnownModule(m)))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** True for a file in a folder Ansible reads variables from: one worth keeping once read, for {@link #load}. */
    public static boolean mayHoldVariables(Path file) {
        // On the path's text: asked of every file that is not Ansible, and taking a path apart makes a path a part.
        String text = file.toString();
        String separator = file.getFileSystem().getSeparator();
        // The root is no folder (a Windows share's \\server\vars\ is a root).
        int afterRoot = file.getRoot() == null ? 0 : file.getRoot().toString().length();
        for (String folder : VARIABLE_FOLDERS) {
            for (int at = text.indexOf(folder, afterRoot); at >= 0; at = text.indexOf(folder, at + 1)) {
                int end = at + folder.length();
                if ((at == 0 || text.startsWith(separator, at - separator.length()))
                        && (end == text.length() || text.startsWith(separator, end))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> VARIABLE_FOLDERS = Set.of("group_vars", "host_vars", "defaults", "vars");

    /**
     * Reads the repository's Ansible.
     *
     * @param ansibleFiles the files that are Ansible by their content, with their first document
     * @param variableFiles files already read that hold variables, with their first document: not read again
     */
    public Result load(Map<Path, YamlNode> ansibleFiles, Map<Path, YamlNode> variableFiles) {
        // Shared by the hosts evaluated in parallel below; only asked what they contain.
        int files = ansibleFiles.size() + variableFiles.size();
        Set<Path> reached = ConcurrentHashMap.newKeySet(ansibleFiles.size());
        Set<Path> used = ConcurrentHashMap.newKeySet(files);
        QuietNotes quiet = new QuietNotes();
        TaskWalker walker = new TaskWalker(unresolved, quiet, named, reader, this::findRole, reached, files);
        // In parallel: with 10,000 host_vars files, making each path absolute and normal is worth two threads.
        variableFiles.entrySet().parallelStream().forEach(file -> walker.remember(file.getKey(), file.getValue()));
        InventorySources.Found sources =
                new InventorySources(roots, named, reader.limits().maxFileSize()).find(inventoryParameter);
        Optional<Inventory> inventory = sources.isEmpty()
                ? Optional.empty()
                : Optional.of(Inventory.read(sources.files(), reader, named.refused(), notStatic));
        sources.files().forEach(f -> used.add(NormalPaths.of(f)));
        Map<Path, YamlNode> playbooks = playbooks(ansibleFiles);
        Plays plays = new Plays(playbooks, selectedHosts(playbooks, inventory), walker);
        List<Identified> hosts =
                new ExchangeHosts(serverGroups, inventory, unresolved).find(playbooks, new ExchangeEvidence(walker));
        VarFolders varFolders = varFolders(sources, walker, used);
        if (!hosts.isEmpty()) {
            playbooks.keySet().forEach(file -> reached.add(NormalPaths.of(file)));
        }
        // Each host is evaluated on its own, in parallel, into declarations of its own, and the hosts are kept in
        // their order: the outcome does not depend on the threads.
        List<Evaluated> evaluated = hosts.parallelStream()
                .map(host -> evaluate(host, inventory, varFolders, plays))
                .toList();
        List<Server> servers = new ArrayList<>();
        Value<Boolean> mitigations = null;
        List<SendConnector> sendConnectors = new ArrayList<>();
        for (Evaluated host : evaluated) {
            servers.add(host.server());
            if (host.mitigations() != null) {
                mitigations = host.mitigations();
            }
            sendConnectors.addAll(host.sendConnectors());
        }
        Standalone standalone = standalone(ansibleFiles, plays, reached, walker);
        if (mitigations == null) {
            mitigations = standalone.mitigations();
        }
        sendConnectors.addAll(standalone.sendConnectors());
        used.addAll(reached);
        List<String> groupsSeen = inventory.map(AnsibleLoader::groupsSeen).orElse(List.of());
        return new Result(
                servers,
                standalone.groups(),
                mitigations,
                sendConnectors,
                used,
                hosts,
                inventoryAt(inventory),
                groupsSeen,
                quiet.count());
    }

    /** The files that hold plays: a list with an item that names its {@code hosts}. */
    private static Map<Path, YamlNode> playbooks(Map<Path, YamlNode> ansibleFiles) {
        Map<Path, YamlNode> playbooks = new LinkedHashMap<>();
        ansibleFiles.forEach((file, root) -> {
            if (root instanceof YamlSeq seq
                    && seq.items().stream()
                            .anyMatch(i ->
                                    i instanceof YamlMap m && m.get("hosts").isPresent())) {
                playbooks.put(file, root);
            }
        });
        return playbooks;
    }

    /**
     * Which names each play selects, found once for all the hosts (by identity: two plays written alike are still
     * two plays).
     */
    private static IdentityHashMap<YamlNode, Set<String>> selectedHosts(
            Map<Path, YamlNode> playbooks, Optional<Inventory> inventory) {
        IdentityHashMap<YamlNode, Set<String>> selected = new IdentityHashMap<>();
        playbooks
                .values()
                .forEach(root -> ((YamlSeq) root).items().forEach(play -> {
                    if (play instanceof YamlMap p) {
                        selected.put(
                                play,
                                HostPattern.select(p.text("hosts").orElse(""), inventory)
                                        .orElse(Set.of()));
                    }
                }));
        return selected;
    }

    /** The playbooks, the hosts each play selects, and the plays some host ran (shared by the parallel hosts). */
    private record Plays(
            Map<Path, YamlNode> playbooks,
            IdentityHashMap<YamlNode, Set<String>> selected,
            TaskWalker walker,
            Set<YamlNode> run) {
        Plays(Map<Path, YamlNode> playbooks, IdentityHashMap<YamlNode, Set<String>> selected, TaskWalker walker) {
            this(
                    playbooks,
                    selected,
                    walker,
                    Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())));
        }
    }

    /** One Exchange host: the plays that select it, run with its variables, into a server of its own. */
    private Evaluated evaluate(Identified host, Optional<Inventory> inventory, VarFolders varFolders, Plays plays) {
        Location at = host.at();
        List<String> groups = groupsOf(host.server(), inventory);
        Map<String, Var> vars = hostVars(host.server(), at, groups, inventory, varFolders);
        Declarations declared = new Declarations();
        plays.playbooks().forEach((file, root) -> {
            for (YamlNode play : ((YamlSeq) root).items()) {
                if (play instanceof YamlMap p && plays.selected().get(play).contains(host.server())) {
                    runPlay(p, file, vars, declared, plays.walker());
                    plays.run().add(play);
                }
            }
        });
        List<Value<String>> memberOf = groups.stream()
                .filter(g -> !g.equals("all"))
                .map(g -> Value.of(g, at))
                .toList();
        return new Evaluated(
                new Server(Value.of(host.server(), at), memberOf, declared.toSpec(), at, null),
                declared.organizationMitigations,
                declared.sendConnectors);
    }

    /**
     * What stands on its own: plays that target no Exchange server, and task files no play reached (a role's
     * tasks, with its defaults and vars), still declare values. The first mitigation setting among them counts
     * when no host declared one.
     */
    private Standalone standalone(Map<Path, YamlNode> ansibleFiles, Plays plays, Set<Path> reached, TaskWalker walker) {
        List<ServerGroup> standalone = new ArrayList<>();
        Value<Boolean> mitigations = null;
        List<SendConnector> sendConnectors = new ArrayList<>();
        for (Map.Entry<Path, YamlNode> playbook : plays.playbooks().entrySet()) {
            Declarations declared = new Declarations();
            for (YamlNode play : ((YamlSeq) playbook.getValue()).items()) {
                if (play instanceof YamlMap p && !plays.run().contains(play)) {
                    runPlay(p, playbook.getKey(), new LinkedHashMap<>(), declared, walker);
                }
            }
            if (mitigations == null) {
                mitigations = declared.organizationMitigations;
            }
            sendConnectors.addAll(declared.sendConnectors);
            addStandalone(standalone, NormalPaths.of(playbook.getKey()), declared);
        }
        for (Map.Entry<Path, YamlNode> file : ansibleFiles.entrySet()) {
            Path path = NormalPaths.of(file.getKey());
            if (reached.contains(path) || plays.playbooks().containsKey(file.getKey())) {
                continue;
            }
            Declarations declared = new Declarations();
            Map<String, Var> vars = new LinkedHashMap<>();
            roleOf(path).ifPresent(role -> {
                walker.variables(role.resolve("defaults/main.yml")).ifPresent(vars::putAll);
                walker.variables(role.resolve("vars/main.yml")).ifPresent(vars::putAll);
            });
            walker.walk(file.getValue(), path, vars, declared, TaskWalker.Trail.from(path));
            if (mitigations == null) {
                mitigations = declared.organizationMitigations;
            }
            sendConnectors.addAll(declared.sendConnectors);
            addStandalone(standalone, path, declared);
        }
        return new Standalone(standalone, mitigations, sendConnectors);
    }

    /** Where a finding about the inventory as a whole stands: the inventory, else ansible.cfg, else nowhere. */
    private Location inventoryAt(Optional<Inventory> inventory) {
        return inventory
                .map(Inventory::location)
                .or(() -> roots.stream()
                        .map(r -> r.resolve("ansible.cfg"))
                        .filter(Files::isRegularFile)
                        .findFirst()
                        .map(Location::startOf))
                .orElse(null);
    }

    private record Evaluated(Server server, Value<Boolean> mitigations, List<SendConnector> sendConnectors) {}

    private record Standalone(
            List<ServerGroup> groups, Value<Boolean> mitigations, List<SendConnector> sendConnectors) {}

    private static void addStandalone(List<ServerGroup> standalone, Path path, Declarations declared) {
        if (!declared.isEmpty()) {
            Location at = declared.firstDeclaration != null ? declared.firstDeclaration : Location.startOf(path);
            standalone.add(new ServerGroup(Value.of("ansible " + path.getFileName(), at), declared.toSpec(), at, true));
        }
    }

    private void runPlay(YamlMap play, Path file, Map<String, Var> hostVars, Declarations out, TaskWalker walker) {
        Map<String, Var> vars = Values.over(hostVars, play.get("vars"));
        TaskWalker.Trail trail = TaskWalker.Trail.from(file);
        play.get("pre_tasks").ifPresent(t -> walker.walk(t, file, vars, out, trail));
        play.get("roles").filter(YamlSeq.class::isInstance).ifPresent(roles -> {
            for (YamlNode role : ((YamlSeq) roles).items()) {
                Optional<String> name = role instanceof YamlScalar s
                        ? Optional.of(s.text())
                        : role instanceof YamlMap m ? m.text("role").or(() -> m.text("name")) : Optional.empty();
                Map<String, Var> roleVars =
                        Values.over(vars, role instanceof YamlMap m ? m.get("vars") : Optional.empty());
                Location at = role instanceof YamlMap m
                        ? m.get("role")
                                .or(() -> m.get("name"))
                                .map(YamlNode::location)
                                .orElse(role.location())
                        : role.location();
                name.flatMap(n -> findRole(n, file, at))
                        .ifPresent(dir -> walker.walkRole(dir, roleVars, out, trail, at));
            }
        });
        play.get("tasks").ifPresent(t -> walker.walk(t, file, vars, out, trail));
        play.get("post_tasks").ifPresent(t -> walker.walk(t, file, vars, out, trail));
    }

    /**
     * EX0006's message: no server among what was read, the groups seen with their host counts, and what to set.
     *
     * @param serverGroups the groups the build names (ansibleServerGroup), or empty
     */
    public static String noServersMessage(Result result, List<String> serverGroups) {
        StringBuilder text =
                new StringBuilder("no Exchange server was identified, so no rule about a server was " + "checked: ");
        // Without an inventory, the finding stands at ansible.cfg, or nowhere in particular.
        Location at = result.inventoryAt();
        if (at == null || at.file().getFileName().toString().equals("ansible.cfg")) {
            text.append("no inventory was found (ansible.cfg's inventory =, or inventory, hosts or inventories/*/hosts "
                    + "at a source directory)");
        } else {
            text.append(
                    result.groupsSeen().isEmpty()
                            ? "the inventory names no host"
                            : "the inventory's groups are " + String.join(", ", result.groupsSeen()));
        }
        if (serverGroups.isEmpty()) {
            text.append("; no play installs Exchange, runs its cmdlets or uses ExchangeDsc on its hosts, and no "
                    + "group is named " + EXCHANGE_GROUP
                    + ". Set ansibleServerGroup to the groups of the Exchange servers "
                    + "(a comma list)");
        } else {
            text.append("; ansibleServerGroup names ")
                    .append(String.join(", ", serverGroups))
                    .append(", which holds no host. Set ansibleServerGroup to the groups of the Exchange servers");
        }
        return text.append(", name the inventory with ansibleInventory, or declare the servers as native Server "
                        + "documents")
                .toString();
    }

    /** The groups a host is in, {@code all} first; a server a play names without an inventory is its own group. */
    private static List<String> groupsOf(String host, Optional<Inventory> inventory) {
        return inventory
                .filter(i -> i.hostLocations.containsKey(host))
                .map(i -> i.groupsOf(host))
                .orElse(List.of("all", host));
    }

    /** The inventory's groups that hold hosts, with how many: "windows (3 hosts)". */
    private static List<String> groupsSeen(Inventory inventory) {
        List<String> seen = new ArrayList<>();
        inventory.groupHosts.keySet().stream().filter(g -> !g.equals("all")).forEach(group -> {
            int count = inventory.hosts(group).size();
            if (count > 0) {
                seen.add(group + " (" + count + (count == 1 ? " host)" : " hosts)"));
            }
        });
        return seen;
    }

    /**
     * A host's variables, as Ansible gives them: inventory group variables, group_vars, inventory host variables,
     * host_vars, then the magic variables naming the host, which nothing overrides (they stand at the host's line).
     */
    private Map<String, Var> hostVars(
            String host, Location at, List<String> groups, Optional<Inventory> inventory, VarFolders folders) {
        Map<String, Var> vars = new LinkedHashMap<>();
        inventory.ifPresent(i -> groups.forEach(g -> vars.putAll(i.groupVars.getOrDefault(g, Map.of()))));
        for (VarFolder groupVars : folders.groupVars()) {
            for (String group : groups) {
                groupVars.variables(group).forEach(vars::putAll);
            }
        }
        inventory.ifPresent(i -> vars.putAll(i.hostVars.getOrDefault(host, Map.of())));
        for (VarFolder hostVars : folders.hostVars()) {
            hostVars.variables(host).forEach(vars::putAll);
        }
        vars.put("inventory_hostname", new Var(host, at));
        vars.put("inventory_hostname_short", new Var(host.split("\\.", 2)[0], at));
        vars.put(
                "group_names",
                new Var(
                        groups.stream()
                                .filter(g -> !g.equals("all"))
                                .sorted()
                                .map(g -> (Object) new Var(g, at))
                                .toList(),
                        at));
        return vars;
    }

    /** The group_vars and host_vars folders, in the order they are read. */
    private record VarFolders(List<VarFolder> groupVars, List<VarFolder> hostVars) {}

    /**
     * Where {@code group_vars} and {@code host_vars} are looked for, later ones winning: beside each inventory source
     * (the folder of a file, a folder itself), then at each source root (beside the playbooks). An inventory's folder
     * comes first only when it is not a root: at a root it is read at the root's place, which is what reading it at
     * both places came to. Each folder is listed once for all the hosts.
     */
    private VarFolders varFolders(InventorySources.Found sources, TaskWalker walker, Set<Path> used) {
        List<Path> rootDirs = roots.stream().map(NormalPaths::of).toList();
        List<Path> varRoots = new ArrayList<>();
        sources.varBases().stream()
                .map(NormalPaths::of)
                .filter(dir -> !rootDirs.contains(dir) && !varRoots.contains(dir))
                .forEach(varRoots::add);
        varRoots.addAll(rootDirs);
        return new VarFolders(
                varRoots.stream()
                        .map(r -> new VarFolder(r.resolve("group_vars"), walker, used))
                        .toList(),
                varRoots.stream()
                        .map(r -> new VarFolder(r.resolve("host_vars"), walker, used))
                        .toList());
    }

    /**
     * A role by name: under {@code roles/} beside the playbook or at a source root; looked for once a folder. A role
     * that lies outside the source directories (a name such as {@code ../../x}, or a link) is not read: a finding
     * at {@code namedAt}, where the role is named.
     */
    Optional<Path> findRole(String name, Path from, Location namedAt) {
        Path dir = from.toAbsolutePath().getParent();
        RoleLookup found = rolesFound.computeIfAbsent(List.of(name, String.valueOf(dir)), k -> lookForRole(name, dir));
        if (found.refusal() != null) {
            named.refused().report(namedAt, "the role '" + name + "' " + found.refusal());
        }
        return Optional.ofNullable(found.dir());
    }

    /** A role's folder, or why it is not read (null when it simply is not there). */
    private record RoleLookup(Path dir, String refusal) {}

    private RoleLookup lookForRole(String name, Path folder) {
        List<Path> candidates = new ArrayList<>();
        try {
            Path dir = folder;
            List<Path> rootDirs = roots.stream().map(NormalPaths::of).toList();
            while (dir != null) {
                candidates.add(SourceFiles.resolve(dir.resolve("roles"), name));
                if (rootDirs.contains(dir.normalize())) {
                    break;
                }
                dir = dir.getParent();
            }
            for (Path root : roots) {
                candidates.add(SourceFiles.resolve(root.resolve("roles"), name));
            }
        } catch (Refused e) {
            return new RoleLookup(null, e.getMessage());
        }
        Optional<Path> found = candidates.stream()
                .filter(c -> Files.isDirectory(c.resolve("tasks")))
                .findFirst();
        if (found.isPresent() && !named.isInside(found.get())) {
            return new RoleLookup(null, "is at " + found.get() + ", outside the source directories; it was not read");
        }
        return new RoleLookup(found.orElse(null), null);
    }

    /** The role a task file belongs to, for {@code roles/<role>/tasks/<file>.yml}. */
    private static Optional<Path> roleOf(Path taskFile) {
        Path tasks = taskFile.getParent();
        if (tasks != null
                && tasks.getFileName() != null
                && tasks.getFileName().toString().equals("tasks")
                && tasks.getParent() != null) {
            return Optional.of(tasks.getParent());
        }
        return Optional.empty();
    }
}
