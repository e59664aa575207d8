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
 * groups), standalone declarations join the groups.
 */
public final class ModelMerge {

    private ModelMerge() {}

    public static InfraModel merge(
            InfraModel model,
            List<Server> others,
            List<ServerGroup> standalone,
            Value<Boolean> organizationMitigations) {
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
        Optional<Organization> organization = model.organization();
        if (organizationMitigations != null) {
            Location at = organizationMitigations.location();
            organization = Optional.of(organization
                    .map(o -> o.mitigationsEnabled() != null
                            ? o
                            : new Organization(
                                    o.name(),
                                    o.environment(),
                                    organizationMitigations,
                                    o.hybrid(),
                                    o.egress(),
                                    o.location()))
                    .orElse(new Organization(
                            Value.of("organization", at), null, organizationMitigations, null, null, at)));
        }
        return new InfraModel(
                organization, groups, List.copyOf(servers.values()), model.certificates(), model.chains());
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
