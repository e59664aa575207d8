package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.engine.Location;
import io.github.exchangecompliance.yaml.YamlFile;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Ansible inventory, INI or YAML whatever its file name's ending: groups with their hosts, children and vars,
 * and hosts with their vars, each host remembering the line that names it.
 */
final class Inventory {

    final Path file;
    final Map<String, Set<String>> groupHosts = new LinkedHashMap<>();
    final Map<String, Set<String>> children = new LinkedHashMap<>();
    final Map<String, Map<String, Var>> groupVars = new LinkedHashMap<>();
    final Map<String, Map<String, Var>> hostVars = new LinkedHashMap<>();
    final Map<String, Location> hostLocations = new LinkedHashMap<>();

    private Inventory(Path file) {
        this.file = file;
    }

    static Inventory read(Path file, YamlReader reader) {
        Inventory inventory = new Inventory(file);
        YamlFile yaml = reader.read(file);
        if (yaml.problem().isEmpty() && !yaml.documents().isEmpty() && yaml.documents().get(0).root() instanceof YamlMap m) {
            m.entries().forEach(e -> inventory.yamlGroup(e.name(), e.value()));
        } else {
            inventory.ini();
        }
        return inventory;
    }

    private void yamlGroup(String group, YamlNode node) {
        groupHosts.computeIfAbsent(group, g -> new LinkedHashSet<>());
        if (!(node instanceof YamlMap map)) {
            return;
        }
        map.get("hosts").filter(YamlMap.class::isInstance).ifPresent(hosts -> {
            for (YamlMap.Entry host : ((YamlMap) hosts).entries()) {
                groupHosts.get(group).add(host.name());
                hostLocations.putIfAbsent(host.name(), host.key().location());
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

    private void ini() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return;
        }
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
                case "children" -> children.computeIfAbsent(section, g -> new LinkedHashSet<>()).add(parts[0]);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        groupVars.computeIfAbsent(section, g -> new LinkedHashMap<>())
                                .put(line.substring(0, eq).strip(), new Var(iniValue(line.substring(eq + 1)), at));
                    }
                }
                default -> {
                    groupHosts.get(section).add(parts[0]);
                    hostLocations.putIfAbsent(parts[0], at);
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
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
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
        children.forEach((parent, kids) -> kids.forEach(kid -> parents.computeIfAbsent(kid, k -> new ArrayList<>())
                .add(parent)));
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
                hosts.forEach(host -> groups.computeIfAbsent(host, h -> new HashSet<>()).addAll(above));
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
