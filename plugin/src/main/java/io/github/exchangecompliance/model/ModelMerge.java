package io.github.exchangecompliance.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Joins what Ansible and DSC declare to the native model: a native {@code ServerGroup} named as a server's Ansible
 * group applies to it beneath what Ansible declares (the way to give Ansible hosts a version, a Windows version or
 * roles), a native server of the same name is one server (the native document's own values win, maps merge as for
 * groups), standalone declarations join the groups, and what they declare for the organization joins it.
 */
public final class ModelMerge {

    private ModelMerge() {}

    public static InfraModel merge(
            InfraModel model,
            List<Server> others,
            List<ServerGroup> standalone,
            Value<Boolean> organizationMitigations,
            List<SendConnector> sendConnectors) {
        Map<String, Server> servers = new LinkedHashMap<>();
        model.servers().forEach(s -> servers.put(key(s), s));
        Map<String, ServerGroup> nativeGroups = new LinkedHashMap<>();
        model.groups().forEach(g -> nativeGroups.putIfAbsent(g.name().value(), g));
        for (Server declared : others) {
            Server other = withNativeGroups(declared, nativeGroups);
            Server existing = servers.get(key(other));
            servers.put(
                    key(other),
                    existing == null
                            ? other
                            : new Server(
                                    existing.name(),
                                    existing.groups(),
                                    other.spec().overlaidWith(existing.spec()),
                                    existing.location(),
                                    existing.ownRegistryLocation()));
        }
        List<ServerGroup> groups = new ArrayList<>(model.groups());
        groups.addAll(standalone);
        Optional<Organization> organization =
                withDeclared(model.organization(), organizationMitigations, sendConnectors);
        return new InfraModel(
                organization, groups, List.copyOf(servers.values()), model.certificates(), model.chains());
    }

    /**
     * The organization with what Ansible and DSC declare for it: their mitigation setting where the native document
     * has none, their send connectors beside its own (a native connector of the same name wins field by field).
     * With no native organization, one stands where the first declaration is.
     */
    private static Optional<Organization> withDeclared(
            Optional<Organization> organization, Value<Boolean> mitigations, List<SendConnector> sendConnectors) {
        if (mitigations == null && sendConnectors.isEmpty()) {
            return organization;
        }
        Location at = mitigations != null
                ? mitigations.location()
                : sendConnectors.get(0).location();
        Organization base = organization.orElse(
                new Organization(Value.of("organization", at), null, null, null, null, List.of(), at));
        // Declarations of one connector merge in their order (a later Set-SendConnector over New-SendConnector),
        // and the native document's over them all; names are compared without regard to case, as Exchange does.
        Map<String, SendConnector> connectors = new LinkedHashMap<>();
        for (SendConnector declared : sendConnectors) {
            connectors.merge(
                    declared.name().value().toLowerCase(Locale.ROOT),
                    declared,
                    (earlier, later) -> later.over(earlier));
        }
        Map<String, SendConnector> merged = new LinkedHashMap<>();
        for (SendConnector own : base.sendConnectors()) {
            String name = own.name().value().toLowerCase(Locale.ROOT);
            SendConnector declared = connectors.remove(name);
            merged.put(name, declared == null ? own : own.over(declared));
        }
        merged.putAll(connectors);
        return Optional.of(new Organization(
                base.name(),
                base.environment(),
                base.mitigationsEnabled() != null ? base.mitigationsEnabled() : mitigations,
                base.hybrid(),
                base.egress(),
                List.copyOf(merged.values()),
                base.location()));
    }

    /** A server with the native groups of its groups' names beneath its own values, in the order of its groups. */
    private static Server withNativeGroups(Server server, Map<String, ServerGroup> nativeGroups) {
        ServerSpec spec = null;
        for (Value<String> group : server.groups()) {
            ServerGroup found = nativeGroups.get(group.value());
            if (found != null) {
                spec = spec == null ? found.spec() : spec.overlaidWith(found.spec());
            }
        }
        return spec == null
                ? server
                : new Server(
                        server.name(),
                        server.groups(),
                        spec.overlaidWith(server.spec()),
                        server.location(),
                        server.ownRegistryLocation());
    }

    private static String key(Server server) {
        return server.displayName().toLowerCase(Locale.ROOT);
    }
}
