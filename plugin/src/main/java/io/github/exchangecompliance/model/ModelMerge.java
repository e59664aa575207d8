package io.github.exchangecompliance.model;

import io.github.exchangecompliance.engine.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Joins what Ansible and DSC declare to the native model: a server of the same name is one server (the native
 * document's own values win, maps merge as for groups), standalone declarations join the groups.
 */
public final class ModelMerge {

    private ModelMerge() {
    }

    public static InfraModel merge(InfraModel model, List<Server> others, List<ServerGroup> standalone,
            Value<Boolean> organizationMitigations) {
        Map<String, Server> servers = new LinkedHashMap<>();
        model.servers().forEach(s -> servers.put(key(s), s));
        for (Server other : others) {
            Server existing = servers.get(key(other));
            servers.put(key(other), existing == null ? other : new Server(existing.name(), existing.groups(),
                    other.spec().overlaidWith(existing.spec()), existing.location(), existing.ownRegistryLocation()));
        }
        List<ServerGroup> groups = new ArrayList<>(model.groups());
        groups.addAll(standalone);
        Optional<Organization> organization = model.organization();
        if (organizationMitigations != null) {
            Location at = organizationMitigations.location();
            organization = Optional.of(organization.map(o -> o.mitigationsEnabled() != null ? o
                    : new Organization(o.name(), o.environment(), organizationMitigations, o.hybrid(), o.egress(),
                            o.location()))
                    .orElse(new Organization(Value.of("organization", at), null, organizationMitigations, null, null,
                            at)));
        }
        return new InfraModel(organization, groups, List.copyOf(servers.values()), model.certificates(),
                model.chains());
    }

    private static String key(Server server) {
        return server.displayName().toLowerCase(Locale.ROOT);
    }
}
