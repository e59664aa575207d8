package io.github.exchangecompliance.model;

import java.util.List;

/**
 * The organization-wide settings (SPEC: {@code kind: Organization}).
 *
 * @param sendConnectors the organization's send connectors (Exchange keeps them in the organization, not on a
 *     server: a server only sends through those that name it a source)
 */
public record Organization(
        Value<String> name,
        Value<String> environment,
        Value<Boolean> mitigationsEnabled,
        Hybrid hybrid,
        Egress egress,
        List<SendConnector> sendConnectors,
        Location location) {

    public Organization {
        sendConnectors = List.copyOf(sendConnectors);
    }

    /** What the Hybrid Configuration Wizard was told. */
    public record Hybrid(Value<Boolean> enabled, List<Value<String>> mailFlowServers, Value<String> certificate) {
        public Hybrid {
            mailFlowServers = List.copyOf(mailFlowServers);
        }
    }

    /** Outbound rules from the Exchange servers, and the proxies they may use. */
    public record Egress(Value<String> defaultAction, List<EgressRule> rules, List<Proxy> proxies) {
        public Egress {
            rules = List.copyOf(rules);
            proxies = List.copyOf(proxies);
        }
    }

    /**
     * One egress rule: hosts (exact, {@code *.suffix} or {@code *}), ports and allow or deny. {@code valid} is false
     * when its action or a port could not be read (the loader reported it): what it decides is then unknown.
     */
    public record EgressRule(
            List<Value<String>> hosts,
            List<Value<Long>> ports,
            Value<String> action,
            boolean valid,
            Location location) {
        public EgressRule {
            hosts = List.copyOf(hosts);
            ports = List.copyOf(ports);
        }
    }

    /** A proxy the servers may be told to use, with its own rules. */
    public record Proxy(
            Value<String> name,
            Value<String> url,
            Value<String> defaultAction,
            List<EgressRule> rules,
            Location location) {
        public Proxy {
            rules = List.copyOf(rules);
        }
    }
}
