package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.egress.EgressPaths;
import io.github.exchangecompliance.egress.Endpoint;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Collects what EX2001 and EX2004 find, so that one place to change is one finding: the rule or default that
 * blocks (or the proxy setting to declare), naming every URL it blocks and every server it blocks it for, and the
 * one change that unblocks them all. An invalid egress rule is left to the loader's EX0002: what it would decide
 * is unknown, and one mistake is one finding.
 */
final class BlockedEndpoints {

    /** A place to change: where, the way out, and what decided there. */
    private record Place(Location location, String path, String decidedBy, Boolean allowed) {}

    /** A blocked URL, what needs it, and the servers it is blocked for. */
    private record Blocked(String url, String what, Set<String> servers) {}

    /** Each place's URLs in URL order, so that a message reads the same whatever order servers came in. */
    private final Map<Place, Map<String, Blocked>> blocked = new LinkedHashMap<>();

    void add(String url, String what, EgressPaths.Verdict verdict, Server server) {
        if (verdict.invalidRule()) {
            return;
        }
        Location at = verdict.location() != null ? verdict.location() : server.location();
        blocked.computeIfAbsent(
                        new Place(at, verdict.path(), verdict.decidedBy(), verdict.allowed()), p -> new TreeMap<>())
                .computeIfAbsent(url + "\n" + what, k -> new Blocked(url, what, new LinkedHashSet<>()))
                .servers()
                .add(server.displayName());
    }

    void report(Reporter out) {
        blocked.forEach((place, urls) -> out.report(place.location(), message(place, List.copyOf(urls.values()))));
    }

    private static String message(Place place, List<Blocked> urls) {
        Set<String> servers = new LinkedHashSet<>();
        urls.forEach(b -> servers.addAll(b.servers()));
        String forServers = " for " + String.join(", ", servers) + ": ";
        String wayAndFix = "the way out is " + place.path() + ", and " + place.decidedBy() + "; " + fix(place, urls);
        if (urls.size() == 1) {
            return urls.get(0).url() + " (" + urls.get(0).what() + ") is blocked" + forServers + wayAndFix;
        }
        // Each URL names its servers only when they are not all of them.
        String each = urls.stream()
                .map(b -> b.url() + " (" + b.what()
                        + (b.servers().equals(servers) ? "" : "; for " + String.join(", ", b.servers())) + ")")
                .collect(Collectors.joining(", "));
        return urls.size() + " URLs are blocked" + forServers + each + "; " + wayAndFix;
    }

    private static String fix(Place place, List<Blocked> urls) {
        if (place.allowed() == null) {
            return "declare the proxy and its rules in egress.proxies";
        }
        if (place.decidedBy().startsWith("the servers cannot reach the proxy")) {
            return "allow the proxy in egress.rules (for the proxy itself)";
        }
        String where = place.path().contains(" proxy ") ? "that proxy's rules" : "egress.rules";
        // Hosts grouped by port, in the order the URLs came: "allow a and b on port 80".
        Map<Integer, Set<String>> byPort = new LinkedHashMap<>();
        for (Blocked b : urls) {
            Endpoint endpoint = Endpoint.ofUrl(b.url()).orElseThrow();
            byPort.computeIfAbsent(endpoint.port(), p -> new LinkedHashSet<>()).add(endpoint.host());
        }
        List<String> parts = new ArrayList<>();
        byPort.forEach((port, hosts) -> parts.add(and(List.copyOf(hosts)) + " on port " + port));
        return "allow " + String.join(", and ", parts) + " in " + where;
    }

    private static String and(List<String> items) {
        return items.size() == 1
                ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
