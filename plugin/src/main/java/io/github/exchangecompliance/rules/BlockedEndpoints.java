package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.egress.EgressPaths;
import io.github.exchangecompliance.egress.Endpoint;
import io.github.exchangecompliance.engine.Location;
import io.github.exchangecompliance.engine.Reporter;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what EX2001 and EX2004 find, so that one blocked URL is one finding naming every server it blocks,
 * at the rule or default that blocks it.
 */
final class BlockedEndpoints {

    private record Key(String url, String what, EgressPaths.Verdict verdict) {
    }

    private final Map<Key, List<Server>> blocked = new LinkedHashMap<>();

    void add(String url, String what, EgressPaths.Verdict verdict, Server server) {
        blocked.computeIfAbsent(new Key(url, what, verdict), k -> new ArrayList<>()).add(server);
    }

    void report(Reporter out) {
        blocked.forEach((key, servers) -> {
            Endpoint endpoint = Endpoint.ofUrl(key.url()).orElseThrow();
            Location at = key.verdict().location() != null ? key.verdict().location() : servers.get(0).location();
            String names = String.join(", ", servers.stream().map(Server::displayName).toList());
            out.report(at, key.url() + " (" + key.what() + ") is blocked for " + names + ": the way out is "
                    + key.verdict().path() + ", and " + key.verdict().decidedBy() + "; " + fix(key.verdict(), endpoint));
        });
    }

    private static String fix(EgressPaths.Verdict verdict, Endpoint endpoint) {
        if (verdict.allowed() == null) {
            return "declare the proxy and its rules in egress.proxies";
        }
        String where = verdict.decidedBy().startsWith("the servers cannot reach the proxy")
                ? "egress.rules (for the proxy itself)"
                : verdict.path().contains(" proxy ") ? "that proxy's rules" : "egress.rules";
        return verdict.decidedBy().startsWith("the servers cannot reach the proxy")
                ? "allow the proxy in " + where
                : "allow " + endpoint.host() + " on port " + endpoint.port() + " in " + where;
    }
}
