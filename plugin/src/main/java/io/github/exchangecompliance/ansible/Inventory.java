package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.yaml.YamlFile;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Ansible inventory, INI or YAML whatever its file name's ending, read from one or several files as Ansible
 * merges them: groups with their hosts, children and vars, and hosts with their vars, each host remembering the line
 * that first names it. A plugin configuration or a script among the files is EX0007, and its hosts are unknown.
 */
final class Inventory {

    /** The files read, in order (at least one). */
    final List<Path> files;

    final Map<String, Set<String>> groupHosts = new LinkedHashMap<>();
    final Map<String, Set<String>> children = new LinkedHashMap<>();
    final Map<String, Map<String, Var>> groupVars = new LinkedHashMap<>();
    final Map<String, Map<String, Var>> hostVars = new LinkedHashMap<>();
    final Map<String, Location> hostLocations = new LinkedHashMap<>();

    /**
     * The most hosts read from one inventory: ten times the largest organization the benchmark checks, so that an
     * inventory of millions of lines cannot take the memory of the build.
     */
    static final int MOST_HOSTS = 100_000;

    /** The files that are dynamic inventories (EX0007), whose hosts are unknown. */
    final List<Path> dynamic = new ArrayList<>();

    private final Reporter unreadable;
    private boolean full;

    private Inventory(List<Path> files, Reporter unreadable) {
        this.files = List.copyOf(files);
        this.unreadable = unreadable;
    }

    /**
     * Reads an inventory's files, which the caller may read (inside the source directories, regular files).
     *
     * @param unreadable where an INI inventory too large to read, or one of more than {@link #MOST_HOSTS} hosts, is
     *     reported (EX0001)
     * @param notStatic where a dynamic inventory is reported (EX0007)
     */
    static Inventory read(List<Path> files, YamlReader reader, Reporter unreadable, Reporter notStatic) {
        Inventory inventory = new Inventory(files, unreadable);
        for (Path file : files) {
            if (DynamicInventory.isScript(file)) {
                inventory.dynamic.add(file);
                notStatic.report(Location.startOf(file), "the file is " + DynamicInventory.scriptMessage());
                continue;
            }
            YamlFile yaml = reader.read(file);
            YamlNode root = yaml.problem().isEmpty() && !yaml.documents().isEmpty()
                    ? yaml.documents().get(0).root()
                    : null;
            Optional<String> plugin = DynamicInventory.plugin(root);
            if (plugin.isPresent()) {
                inventory.dynamic.add(file);
                notStatic.report(Location.startOf(file), "the file is " + DynamicInventory.pluginMessage(plugin.get()));
            } else if (root instanceof YamlMap m) {
                m.entries().forEach(e -> inventory.yamlGroup(e.name(), e.value()));
            } else {
                inventory.ini(file, reader.limits().maxFileSize());
            }
        }
        return inventory;
    }

    /** Where a finding about the inventory as a whole stands: the start of its first file. */
    Location location() {
        return Location.startOf(files.get(0));
    }

    /** Adds a host to a group; false once the inventory holds {@link #MOST_HOSTS} hosts (reported once). */
    private boolean addHost(String group, String host, Location at) {
        if (!hostLocations.containsKey(host) && hostLocations.size() >= MOST_HOSTS) {
            if (!full) {
                full = true;
                unreadable.report(
                        at,
                        "the inventory names more than " + MOST_HOSTS + " hosts; the hosts from here "
                                + "on are not read");
            }
            return false;
        }
        groupHosts.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(host);
        hostLocations.putIfAbsent(host, at);
        return true;
    }

    private void yamlGroup(String group, YamlNode node) {
        groupHosts.computeIfAbsent(group, g -> new LinkedHashSet<>());
        if (!(node instanceof YamlMap map)) {
            return;
        }
        map.get("hosts").filter(YamlMap.class::isInstance).ifPresent(hosts -> {
            for (YamlMap.Entry host : ((YamlMap) hosts).entries()) {
                if (!addHost(group, host.name(), host.key().location())) {
                    return;
                }
                Values.addAll(hostVars.computeIfAbsent(host.name(), h -> new LinkedHashMap<>()), host.value());
            }
        });
        map.get("vars").ifPresent(v -> Values.addAll(groupVars.computeIfAbsent(group, g -> new LinkedHashMap<>()), v));
        map.get("children").filter(YamlMap.class::isInstance).ifPresent(kids -> {
            for (YamlMap.Entry child : ((YamlMap) kids).entries()) {
                children.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(child.name());
                yamlGroup(child.name(), child.value());
            }
        });
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern LINES = Pattern.compile("\\R");

    private void ini(Path file, long maxFileSize) {
        List<String> lines;
        try {
            lines = List.of(LINES.split(SourceFiles.readText(file, maxFileSize), -1));
        } catch (IOException | Refused e) {
            unreadable.report(
                    Location.startOf(file),
                    "the inventory "
                            + (e instanceof Refused r
                                    ? r.getMessage()
                                    : "cannot be read (" + e.getClass().getSimpleName() + ")"));
            return;
        }
        // Hosts before the first [section] are in the group ungrouped, as Ansible puts them.
        String section = "ungrouped";
        String kind = "hosts";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String header = line.substring(1, line.length() - 1).strip();
                int colon = header.indexOf(':');
                section = colon < 0 ? header : header.substring(0, colon);
                kind = colon < 0 ? "hosts" : header.substring(colon + 1);
                groupHosts.computeIfAbsent(section, g -> new LinkedHashSet<>());
                continue;
            }
            Location at = new Location(file, i + 1, 1);
            // Most lines are a host alone: only a line with variables is split.
            String[] parts = WHITESPACE.matcher(line).find() ? WHITESPACE.split(line) : new String[] {line};
            switch (kind) {
                case "children" ->
                    children.computeIfAbsent(section, g -> new LinkedHashSet<>())
                            .add(parts[0]);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        groupVars
                                .computeIfAbsent(section, g -> new LinkedHashMap<>())
                                .put(line.substring(0, eq).strip(), new Var(iniValue(line.substring(eq + 1)), at));
                    }
                }
                default -> {
                    if (!addHost(section, parts[0], at)) {
                        return;
                    }
                    for (int p = 1; p < parts.length; p++) {
                        int eq = parts[p].indexOf('=');
                        if (eq > 0) {
                            hostVars.computeIfAbsent(parts[0], h -> new LinkedHashMap<>())
                                    .put(parts[p].substring(0, eq), new Var(iniValue(parts[p].substring(eq + 1)), at));
                        }
                    }
                }
            }
        }
    }

    private static Object iniValue(String text) {
        String t = text.strip();
        if (t.length() >= 2 && ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith("\"") && t.endsWith("\"")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** The hosts of a group and of its children, in order. */
    Set<String> hosts(String group) {
        Set<String> hosts = new LinkedHashSet<>();
        collect(group, hosts, new LinkedHashSet<>());
        if (group.equals("all")) {
            groupHosts.values().forEach(hosts::addAll);
        }
        return hosts;
    }

    /** The hosts of a group and its children, depth first; without recursion, as children may nest deep. */
    private void collect(String group, Set<String> hosts, Set<String> seen) {
        Deque<Iterator<String>> open = new ArrayDeque<>();
        open.push(List.of(group).iterator());
        while (!open.isEmpty()) {
            if (!open.peek().hasNext()) {
                open.pop();
                continue;
            }
            String next = open.peek().next();
            if (seen.add(next)) {
                hosts.addAll(groupHosts.getOrDefault(next, Set.of()));
                open.push(children.getOrDefault(next, Set.of()).iterator());
            }
        }
    }

    /**
     * Each host's groups, computed when first asked (only an inventory whose hosts are evaluated needs them), by one
     * thread while the others wait: hosts are evaluated in parallel.
     */
    private volatile Map<String, List<String>> groupsByHost;

    /** The groups a host belongs to, directly or through children, {@code all} first. */
    List<String> groupsOf(String host) {
        Map<String, List<String>> byHost = groupsByHost;
        if (byHost == null) {
            synchronized (this) {
                if (groupsByHost == null) {
                    groupsByHost = groupsByHost();
                }
                byHost = groupsByHost;
            }
        }
        return byHost.getOrDefault(host, List.of("all"));
    }

    /**
     * Each host's groups: a group holds its own hosts and its children's, so a host belongs to the groups that name
     * it and to every group above those. Found from the hosts up, group by group: asking each group for all its
     * hosts would take as long as the square of the groups in an inventory whose children nest deep.
     */
    private Map<String, List<String>> groupsByHost() {
        Map<String, List<String>> parents = new HashMap<>();
        children.forEach((parent, kids) -> kids.forEach(
                kid -> parents.computeIfAbsent(kid, k -> new ArrayList<>()).add(parent)));
        Map<String, Integer> order = new HashMap<>();
        groupHosts.keySet().forEach(group -> order.put(group, order.size()));
        Map<String, Set<String>> groups = new HashMap<>();
        groupHosts.forEach((group, hosts) -> {
            if (hosts.isEmpty()) {
                return;
            }
            Set<String> above = selfAndAbove(group, parents);
            above.retainAll(order.keySet());
            above.remove("all");
            if (!above.isEmpty()) {
                hosts.forEach(host ->
                        groups.computeIfAbsent(host, h -> new HashSet<>()).addAll(above));
            }
        });
        Map<String, List<String>> byHost = new HashMap<>();
        groups.forEach((host, of) -> {
            List<String> list = new ArrayList<>(List.of("all"));
            of.stream().sorted(Comparator.comparing(order::get)).forEach(list::add);
            byHost.put(host, List.copyOf(list));
        });
        return byHost;
    }

    /** A group and every group that has it among its children, however deep. */
    private static Set<String> selfAndAbove(String group, Map<String, List<String>> parents) {
        Set<String> found = new HashSet<>(List.of(group));
        Deque<String> next = new ArrayDeque<>(List.of(group));
        while (!next.isEmpty()) {
            for (String parent : parents.getOrDefault(next.pop(), List.of())) {
                if (found.add(parent)) {
                    next.push(parent);
                }
            }
        }
        return found;
    }
}
