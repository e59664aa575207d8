package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which hosts are the Exchange servers (SPEC section 4.4). With {@code ansibleServerGroup} set: the hosts of those
 * groups, exactly. Otherwise: the hosts of the group {@code exchange}, and the hosts of every play that shows it runs
 * on Exchange servers ({@link ExchangeEvidence}). A name a play selects that the inventory does not hold (a group of a
 * dynamic inventory, or any name when there is no inventory) stands for one server of that name.
 */
final class ExchangeHosts {

    private final List<String> serverGroups;
    private final Optional<Inventory> inventory;
    private final Reporter unresolved;

    ExchangeHosts(List<String> serverGroups, Optional<Inventory> inventory, Reporter unresolved) {
        this.serverGroups = serverGroups;
        this.inventory = inventory;
        this.unresolved = unresolved;
    }

    /** The servers, each with why it is one, in the inventory's order, then in the order of the plays. */
    List<AnsibleLoader.Identified> find(Map<Path, YamlNode> playbooks, ExchangeEvidence evidence) {
        Map<String, AnsibleLoader.Identified> found = new LinkedHashMap<>();
        List<String> groups = serverGroups.isEmpty() ? List.of(AnsibleLoader.EXCHANGE_GROUP) : serverGroups;
        String setting = serverGroups.isEmpty() ? "" : " (ansibleServerGroup)";
        inventory.ifPresent(i -> groups.forEach(group -> i.hosts(group)
                .forEach(host -> found.putIfAbsent(
                        host,
                        new AnsibleLoader.Identified(
                                host, "is in the inventory group " + group + setting, at(host))))));
        playbooks.forEach((file, root) -> {
            for (YamlNode item : ((YamlSeq) root).items()) {
                if (item instanceof YamlMap play && play.get("hosts").isPresent()) {
                    fromPlay(play, file, groups, evidence, found);
                }
            }
        });
        // The inventory's hosts in its order, then the names that stand for servers, in the order of the plays.
        List<String> order =
                inventory.map(i -> List.copyOf(i.hostLocations.keySet())).orElse(List.of());
        Map<String, Integer> position = new HashMap<>();
        order.forEach(host -> position.put(host, position.size()));
        return found.values().stream()
                .sorted(Comparator.comparing(
                        (AnsibleLoader.Identified i) -> position.getOrDefault(i.server(), Integer.MAX_VALUE)))
                .toList();
    }

    private void fromPlay(
            YamlMap play,
            Path file,
            List<String> groups,
            ExchangeEvidence evidence,
            Map<String, AnsibleLoader.Identified> found) {
        String pattern = play.text("hosts").orElse("");
        Location patternAt = play.get("hosts").get().location();
        // Without an inventory, a play whose hosts: names a server group stands for one server of that name.
        if (inventory.isEmpty()) {
            String setting = serverGroups.isEmpty() ? "" : " (ansibleServerGroup)";
            HostPattern.plainNames(pattern).stream()
                    .filter(groups::contains)
                    .forEach(group -> found.putIfAbsent(
                            group,
                            new AnsibleLoader.Identified(
                                    group,
                                    "is the group " + group + setting + " a play runs "
                                            + "on, with no inventory to list its hosts",
                                    patternAt)));
        }
        if (!serverGroups.isEmpty()) {
            return;
        }
        Optional<ExchangeEvidence.Found> shown = evidence.ofPlay(play, file);
        if (shown.isEmpty()) {
            return;
        }
        String why = "a play " + shown.get().why() + " on it ("
                + shown.get().at().file().getFileName() + ":" + shown.get().at().line() + ")";
        Optional<Set<String>> names = HostPattern.select(pattern, inventory);
        if (names.isEmpty()) {
            unresolved.report(
                    patternAt,
                    "hosts: the pattern is a template, so the plugin cannot tell which hosts this "
                            + "play runs on, though it " + shown.get().why()
                            + "; set ansibleServerGroup to the groups of "
                            + "the Exchange servers");
            return;
        }
        for (String name : names.get()) {
            boolean isHost =
                    inventory.map(i -> i.hostLocations.containsKey(name)).orElse(false);
            found.putIfAbsent(name, new AnsibleLoader.Identified(name, why, isHost ? at(name) : patternAt));
        }
    }

    private Location at(String host) {
        Inventory i = inventory.orElseThrow();
        return i.hostLocations.getOrDefault(host, i.location());
    }
}
