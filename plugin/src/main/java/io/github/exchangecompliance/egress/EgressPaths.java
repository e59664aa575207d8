package io.github.exchangecompliance.egress;

import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.Organization.EgressRule;
import io.github.exchangecompliance.model.Organization.Proxy;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a server can reach an endpoint, as RULES.md's "egress path" says. Certificate revocation (CRL, AIA,
 * OCSP, the trust list) is fetched by Windows through the WinHTTP proxy ({@code winHttpProxy}); the Emergency
 * Mitigation Service itself goes through Exchange's {@code internetWebProxy}. Each way is either direct, where
 * the organization's egress rules decide, or through a declared proxy, which the servers must be allowed to
 * reach and whose own rules then decide. The first matching rule wins; no match falls to the default; where
 * nothing is declared, nothing is blocked.
 */
public final class EgressPaths {

    private final Organization.Egress egress;

    public EgressPaths(Optional<Organization> organization) {
        this.egress = organization.map(Organization::egress).orElse(null);
    }

    /**
     * The outcome for one endpoint.
     *
     * @param allowed true when the endpoint is reachable, false when blocked, null when it cannot be told
     * @param path how the traffic leaves ("WinHTTP direct", "WinHTTP proxy corp-proxy")
     * @param decidedBy the rule or default that decided, for messages
     * @param location where that rule or default is written (or what to change when nothing decided)
     * @param invalidRule true when the deciding rule is itself invalid (no valid action): the loader reports it
     *     (EX0002), and what it would decide is unknown, so nothing else is said about it
     */
    public record Verdict(Boolean allowed, String path, String decidedBy, Location location, boolean invalidRule) {
        public Verdict(Boolean allowed, String path, String decidedBy, Location location) {
            this(allowed, path, decidedBy, location, false);
        }

        public boolean blocked() {
            return !Boolean.TRUE.equals(allowed);
        }

        Verdict via(String way) {
            return new Verdict(allowed, way, decidedBy, location, invalidRule);
        }
    }

    /** Revocation traffic: through the server's WinHTTP proxy. */
    public Verdict revocation(Server server, Endpoint target) {
        return through("WinHTTP", server.spec().winHttpProxy(), target);
    }

    /** The mitigation service's own requests: through the server's Exchange internetWebProxy. */
    public Verdict mitigationService(Server server, Endpoint target) {
        return through("InternetWebProxy", server.spec().internetWebProxy(), target);
    }

    private Verdict through(String setting, Value<String> proxySetting, Endpoint target) {
        boolean direct = proxySetting == null
                || proxySetting.value().isBlank()
                || proxySetting.value().strip().equalsIgnoreCase("direct");
        if (direct) {
            Verdict verdict = decide(
                    egress == null ? List.of() : egress.rules(),
                    egress == null ? null : egress.defaultAction(),
                    "egress",
                    target);
            return verdict.via(setting + " direct");
        }
        Optional<Endpoint> proxyEndpoint = Endpoint.ofProxy(proxySetting.value());
        Optional<Proxy> proxy = proxyEndpoint.flatMap(this::declaredProxy);
        String path = setting + " proxy " + proxySetting.value();
        if (proxy.isEmpty()) {
            return new Verdict(
                    null,
                    path,
                    "the proxy " + proxySetting.value()
                            + " is not declared in egress.proxies, so its rules are unknown",
                    proxySetting.location());
        }
        Verdict toProxy = decide(egress.rules(), egress.defaultAction(), "egress", proxyEndpoint.get());
        path = setting + " proxy " + proxy.get().name().value() + " (" + proxyEndpoint.get() + ")";
        if (toProxy.invalidRule()) {
            return toProxy.via(path);
        }
        if (toProxy.blocked()) {
            return new Verdict(
                    false, path, "the servers cannot reach the proxy: " + toProxy.decidedBy(), toProxy.location());
        }
        Verdict verdict = decide(
                proxy.get().rules(),
                proxy.get().defaultAction(),
                "proxy " + proxy.get().name().value(),
                target);
        return verdict.via(path);
    }

    private Optional<Proxy> declaredProxy(Endpoint endpoint) {
        if (egress == null) {
            return Optional.empty();
        }
        return egress.proxies().stream()
                .filter(p -> p.url() != null
                        && Endpoint.ofProxy(p.url().value())
                                .filter(endpoint::equals)
                                .isPresent())
                .findFirst();
    }

    private static Verdict decide(List<EgressRule> rules, Value<String> defaultAction, String where, Endpoint target) {
        for (EgressRule rule : rules) {
            if (!rule.valid() && rule.hosts().stream().anyMatch(h -> hostMatches(h.value(), target.host()))) {
                // First match wins, so an invalid rule hides what follows it: the outcome is unknown, on any port
                // (a port that is not a number might be this one).
                return new Verdict(
                        null,
                        "",
                        where + " rule at " + rule.location().shortText() + " is invalid",
                        rule.location(),
                        true);
            }
            if (matches(rule, target)) {
                boolean allow = rule.action().value().equals("allow");
                return new Verdict(
                        allow,
                        "",
                        where + " rule at " + rule.location().shortText() + " ("
                                + rule.action().value() + " " + describe(rule) + ")",
                        rule.location());
            }
        }
        if (defaultAction == null) {
            return new Verdict(true, "", where + " declares no default (allow)", null);
        }
        boolean allow = defaultAction.value().equals("allow");
        return new Verdict(
                allow,
                "",
                "the " + where + " default '" + defaultAction.value() + "' at "
                        + defaultAction.location().shortText(),
                defaultAction.location());
    }

    static boolean matches(EgressRule rule, Endpoint target) {
        boolean port = rule.ports().isEmpty() || rule.ports().stream().anyMatch(p -> p.value() == target.port());
        return port && rule.hosts().stream().anyMatch(h -> hostMatches(h.value(), target.host()));
    }

    /** Exact host, {@code *.suffix} (any subdomain, not the suffix itself) or {@code *}. */
    static boolean hostMatches(String pattern, String host) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        if (p.equals("*")) {
            return true;
        }
        if (p.startsWith("*.")) {
            return host.endsWith(p.substring(1));
        }
        return p.equals(host);
    }

    private static String describe(EgressRule rule) {
        String hosts = String.join(", ", rule.hosts().stream().map(Value::value).toList());
        String ports = rule.ports().isEmpty()
                ? "any port"
                : "port "
                        + String.join(
                                ", ",
                                rule.ports().stream()
                                        .map(p -> String.valueOf(p.value()))
                                        .toList());
        return hosts + " on " + ports;
    }
}
