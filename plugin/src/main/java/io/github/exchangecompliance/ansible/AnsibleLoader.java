package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.engine.Location;
import io.github.exchangecompliance.engine.Reporter;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.load.NormalPaths;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.ServerGroup;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlReader;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an Ansible repository as Ansible would run it against the Exchange servers (SPEC section 4.4): the
 * inventory group {@code ansibleServerGroup} names the servers; each server gets the tasks of the plays that
 * target it, with its group_vars, host_vars, play vars and role defaults and vars. Task files no play reaches
 * still stand as declarations of their own, so a wrong value in a role nobody applies is found too.
 */
public final class AnsibleLoader {

    private static final List<String> INVENTORY_NAMES = List.of("inventory", "inventory.ini", "inventory.yml",
            "inventory.yaml", "hosts", "hosts.ini", "hosts.yml", "hosts.yaml");

    /** What the repository's Ansible declares. */
    public record Result(List<Server> servers, List<ServerGroup> standalone, Value<Boolean> organizationMitigations,
            Set<Path> filesUsed) {
    }

    private final List<Path> roots;
    private final String serverGroup;
    private final Path inventoryParameter;
    private final Reporter unresolved;
    private final NamedFiles named;
    private final YamlReader reader;
    private final Map<List<String>, RoleLookup> rolesFound = new ConcurrentHashMap<>();

    /**
     * @param unreadable where a file the content names but may not be read is reported (EX0001): outside the source
     *     directories, not a regular file, or too large
     */
    public AnsibleLoader(List<Path> roots, String serverGroup, Path inventoryParameter, Reporter unresolved,
            Reporter unreadable, YamlReader reader) {
        this.roots = roots;
        this.serverGroup = serverGroup;
        this.inventoryParameter = inventoryParameter;
        this.unresolved = unresolved;
        this.named = new NamedFiles(new SourceFiles(roots), unreadable);
        this.reader = reader;
    }

    /** True when a document is Ansible content: plays, or tasks that use a module the plugin reads. */
    public static boolean isAnsible(YamlNode root) {
        if (!(root instanceof YamlSeq seq) || seq.items().isEmpty()) {
            return false;
        }
        return seq.items().stream().anyMatch(i -> i instanceof YamlMap m && (m.get("hosts").isPresent()
                || usesKnownModule(m)));
    }

    private static boolean usesKnownModule(YamlMap task) {
        if (Modules.find(task).isPresent()) {
            return true;
        }
        for (String block : List.of("block", "rescue", "always")) {
            if (task.get(block).filter(YamlSeq.class::isInstance).map(b -> ((YamlSeq) b).items().stream()
                    .anyMatch(i -> i instanceof YamlMap m && usesKnownModule(m))).orElse(false)) {
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

    /** What separates the parts of a play's {@code hosts:} pattern; asked for each play of each host. */
    private static final Pattern HOST_PATTERN_PARTS = Pattern.compile("[:,]");

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
        TaskWalker walker = new TaskWalker(unresolved, named, reader, this::findRole, reached, files);
        // In parallel: with 10,000 host_vars files, making each path absolute and normal is worth two threads.
        variableFiles.entrySet().parallelStream().forEach(file -> walker.remember(file.getKey(), file.getValue()));
        Optional<Inventory> inventory = inventory();
        inventory.ifPresent(i -> used.add(NormalPaths.of(i.file)));
        Map<Path, YamlNode> playbooks = new LinkedHashMap<>();
        ansibleFiles.forEach((file, root) -> {
            if (root instanceof YamlSeq seq && seq.items().stream().anyMatch(i -> i instanceof YamlMap m
                    && m.get("hosts").isPresent())) {
                playbooks.put(file, root);
            }
        });

        List<Server> servers = new ArrayList<>();
        Value<Boolean> mitigations = null;
        // The very plays run (records compare by content: two plays written alike are still two plays).
        Set<YamlNode> playsRun = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        // Each host is evaluated on its own, in parallel, into declarations of its own, and the hosts are kept in
        // the inventory's order: the outcome does not depend on the threads.
        List<Map.Entry<String, Location>> hosts = List.copyOf(hosts(inventory, playbooks).entrySet());
        VarFolders varFolders = varFolders(inventory, walker, used);
        if (!hosts.isEmpty()) {
            playbooks.keySet().forEach(file -> reached.add(NormalPaths.of(file)));
        }
        List<Evaluated> evaluated = hosts.parallelStream().map(host -> {
            Map<String, Var> vars = hostVars(host.getKey(), host.getValue(), inventory, varFolders);
            Declarations declared = new Declarations();
            playbooks.forEach((file, root) -> {
                for (YamlNode play : ((YamlSeq) root).items()) {
                    if (play instanceof YamlMap p && targets(p, host.getKey(), inventory)) {
                        runPlay(p, file, vars, declared, walker);
                        playsRun.add(play);
                    }
                }
            });
            return new Evaluated(new Server(Value.of(host.getKey(), host.getValue()), List.of(), declared.toSpec(),
                    host.getValue(), null), declared.organizationMitigations);
        }).toList();
        for (Evaluated host : evaluated) {
            servers.add(host.server());
            if (host.mitigations() != null) {
                mitigations = host.mitigations();
            }
        }

        List<ServerGroup> standalone = new ArrayList<>();
        // Plays that target no Exchange server still declare values: they stand on their own.
        for (Map.Entry<Path, YamlNode> playbook : playbooks.entrySet()) {
            Declarations declared = new Declarations();
            for (YamlNode play : ((YamlSeq) playbook.getValue()).items()) {
                if (play instanceof YamlMap p && !playsRun.contains(play)) {
                    runPlay(p, playbook.getKey(), new LinkedHashMap<>(), declared, walker);
                }
            }
            if (declared.organizationMitigations != null && mitigations == null) {
                mitigations = declared.organizationMitigations;
            }
            addStandalone(standalone, NormalPaths.of(playbook.getKey()), declared);
        }
        for (Map.Entry<Path, YamlNode> file : ansibleFiles.entrySet()) {
            Path path = NormalPaths.of(file.getKey());
            if (reached.contains(path) || playbooks.containsKey(file.getKey())) {
                continue;
            }
            Declarations declared = new Declarations();
            Map<String, Var> vars = new LinkedHashMap<>();
            roleOf(path).ifPresent(role -> {
                walker.variables(role.resolve("defaults/main.yml")).ifPresent(vars::putAll);
                walker.variables(role.resolve("vars/main.yml")).ifPresent(vars::putAll);
            });
            walker.walk(file.getValue(), path, vars, declared, TaskWalker.Trail.from(path));
            if (declared.organizationMitigations != null && mitigations == null) {
                mitigations = declared.organizationMitigations;
            }
            addStandalone(standalone, path, declared);
        }
        used.addAll(reached);
        return new Result(servers, standalone, mitigations, used);
    }

    /** A host as evaluated: its server, and the organization's mitigation setting if its plays declared it. */
    private record Evaluated(Server server, Value<Boolean> mitigations) {
    }

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
                Optional<String> name = role instanceof YamlScalar s ? Optional.of(s.text())
                        : role instanceof YamlMap m ? m.text("role").or(() -> m.text("name")) : Optional.empty();
                Map<String, Var> roleVars = Values.over(vars, role instanceof YamlMap m ? m.get("vars")
                        : Optional.empty());
                Location at = role instanceof YamlMap m ? m.get("role").or(() -> m.get("name"))
                        .map(YamlNode::location).orElse(role.location()) : role.location();
                name.flatMap(n -> findRole(n, file, at))
                        .ifPresent(dir -> walker.walkRole(dir, roleVars, out, trail, at));
            }
        });
        play.get("tasks").ifPresent(t -> walker.walk(t, file, vars, out, trail));
        play.get("post_tasks").ifPresent(t -> walker.walk(t, file, vars, out, trail));
    }

    /** A play targets a host when its pattern names the host, one of its groups, or {@code all}. */
    private boolean targets(YamlMap play, String host, Optional<Inventory> inventory) {
        String pattern = play.text("hosts").orElse("");
        for (String part : HOST_PATTERN_PARTS.split(pattern)) {
            String p = part.strip();
            if (p.equals("all") || p.equals("*") || p.equals(host) || p.equals(serverGroup)
                    || inventory.map(i -> i.groupsOf(host).contains(p)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The servers: the hosts of the server group, or, without an inventory, one server named as the group. */
    private Map<String, Location> hosts(Optional<Inventory> inventory, Map<Path, YamlNode> playbooks) {
        Map<String, Location> hosts = new LinkedHashMap<>();
        if (inventory.isPresent()) {
            for (String host : inventory.get().hosts(serverGroup)) {
                hosts.put(host, inventory.get().hostLocations.getOrDefault(host,
                        Location.startOf(inventory.get().file)));
            }
            return hosts;
        }
        playbooks.forEach((file, root) -> {
            for (YamlNode play : ((YamlSeq) root).items()) {
                if (play instanceof YamlMap p && p.get("hosts").isPresent()
                        && HOST_PATTERN_PARTS.splitAsStream(p.text("hosts").orElse(""))
                                .anyMatch(h -> h.strip().equals(serverGroup))) {
                    hosts.putIfAbsent(serverGroup, p.get("hosts").get().location());
                }
            }
        });
        return hosts;
    }

    /**
     * A host's variables, as Ansible gives them: inventory group variables, group_vars, inventory host variables,
     * host_vars, then the magic variables naming the host, which nothing overrides (they stand at the host's line).
     */
    private Map<String, Var> hostVars(String host, Location at, Optional<Inventory> inventory, VarFolders folders) {
        Map<String, Var> vars = new LinkedHashMap<>();
        List<String> groups = inventory.map(i -> i.groupsOf(host)).orElse(List.of("all", serverGroup));
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
        vars.put("group_names", new Var(groups.stream().filter(g -> !g.equals("all")).sorted()
                .map(g -> (Object) new Var(g, at)).toList(), at));
        return vars;
    }

    /** The group_vars and host_vars folders, in the order they are read. */
    private record VarFolders(List<VarFolder> groupVars, List<VarFolder> hostVars) {
    }

    /**
     * Where {@code group_vars} and {@code host_vars} are looked for, later ones winning: beside the inventory, then
     * at each source root (beside the playbooks). The inventory's folder comes first only when it is not a root:
     * at a root it is read at the root's place, which is what reading it at both places came to. Each folder is
     * listed once for all the hosts.
     */
    private VarFolders varFolders(Optional<Inventory> inventory, TaskWalker walker, Set<Path> used) {
        List<Path> varRoots = new ArrayList<>(roots.stream().map(NormalPaths::of).toList());
        inventory.map(i -> NormalPaths.of(i.file).getParent()).filter(dir -> !varRoots.contains(dir))
                .ifPresent(dir -> varRoots.add(0, dir));
        return new VarFolders(varRoots.stream().map(r -> new VarFolder(r.resolve("group_vars"), walker, used))
                .toList(), varRoots.stream().map(r -> new VarFolder(r.resolve("host_vars"), walker, used)).toList());
    }

    private Optional<Inventory> inventory() {
        if (inventoryParameter != null) {
            // The build's own parameter, not the repository's content: it may name a file anywhere.
            return Files.isRegularFile(inventoryParameter) ? Optional.of(Inventory.read(inventoryParameter, reader,
                    named.refused())) : Optional.empty();
        }
        for (Path root : roots) {
            Optional<Path> cfg = named.check(root.resolve("ansible.cfg"));
            if (cfg.isPresent()) {
                Optional<Path> configured = fromAnsibleCfg(cfg.get());
                if (configured.isPresent()) {
                    return Optional.of(Inventory.read(configured.get(), reader, named.refused()));
                }
            }
            List<Path> candidates = new ArrayList<>();
            INVENTORY_NAMES.forEach(n -> candidates.add(root.resolve(n)));
            Path inventories = root.resolve("inventories");
            if (Files.isDirectory(inventories) && named.isInside(inventories)) {
                try (Stream<Path> dirs = Files.list(inventories)) {
                    dirs.sorted().forEach(d -> INVENTORY_NAMES.forEach(n -> candidates.add(d.resolve(n))));
                } catch (IOException e) {
                    // An unreadable folder holds no inventory the plugin can use.
                }
            }
            for (Path candidate : candidates) {
                // A candidate that is not there, or is a folder, is passed over without a word.
                Optional<Path> usable = named.check(candidate);
                if (usable.isPresent()) {
                    return Optional.of(Inventory.read(usable.get(), reader, named.refused()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The inventory file {@code ansible.cfg} names ({@code inventory =}): empty when it names none, or none that is
     * a file, or one that may not be read (a finding at its line).
     */
    private Optional<Path> fromAnsibleCfg(Path cfg) {
        String text;
        try {
            text = SourceFiles.readText(cfg, reader.limits().maxFileSize());
        } catch (IOException | Refused e) {
            named.refused().report(Location.startOf(cfg), "ansible.cfg " + (e instanceof Refused r ? r.getMessage()
                    : "cannot be read (" + e.getClass().getSimpleName() + ")"));
            return Optional.empty();
        }
        String[] lines = LINES.split(text, -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.toLowerCase(Locale.ROOT).startsWith("inventory") && l.contains("=")) {
                String name = l.substring(l.indexOf('=') + 1).strip().split(",")[0].strip();
                Location at = new Location(cfg, i + 1, lines[i].indexOf('=') + 2);
                return named.resolve(cfg.getParent(), name, "ansible.cfg's inventory", at);
            }
        }
        return Optional.empty();
    }

    private static final Pattern LINES = Pattern.compile("\\R");

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
    private record RoleLookup(Path dir, String refusal) {
    }

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
        Optional<Path> found = candidates.stream().filter(c -> Files.isDirectory(c.resolve("tasks"))).findFirst();
        if (found.isPresent() && !named.isInside(found.get())) {
            return new RoleLookup(null, "is at " + found.get() + ", outside the source directories; it was not read");
        }
        return new RoleLookup(found.orElse(null), null);
    }

    /** The role a task file belongs to, for {@code roles/<role>/tasks/<file>.yml}. */
    private static Optional<Path> roleOf(Path taskFile) {
        Path tasks = taskFile.getParent();
        if (tasks != null && tasks.getFileName() != null && tasks.getFileName().toString().equals("tasks")
                && tasks.getParent() != null) {
            return Optional.of(tasks.getParent());
        }
        return Optional.empty();
    }
}
