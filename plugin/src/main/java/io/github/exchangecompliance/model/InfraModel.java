package io.github.exchangecompliance.model;

import java.util.List;
import java.util.Optional;

/** Everything read from a repository, whatever its format: the one model every rule works on. */
public record InfraModel(Optional<Organization> organization, List<ServerGroup> groups, List<Server> servers,
        List<Certificate> certificates) {

    public InfraModel {
        groups = List.copyOf(groups);
        servers = List.copyOf(servers);
        certificates = List.copyOf(certificates);
    }

    public static InfraModel empty() {
        return new InfraModel(Optional.empty(), List.of(), List.of(), List.of());
    }

    /**
     * The registries declared-value rules look at: every group's own declarations, and every server's merged
     * ones. A value inherited from a group shows up in both; the engine drops the repeated finding.
     */
    public List<RegistryScope> registryScopes() {
        java.util.ArrayList<RegistryScope> scopes = new java.util.ArrayList<>();
        for (ServerGroup group : groups) {
            scopes.add(new RegistryScope("group " + group.name().value(), group.spec().registry(),
                    Optional.empty()));
        }
        for (Server server : servers) {
            scopes.add(new RegistryScope("server " + server.displayName(), server.spec().registry(),
                    Optional.of(server)));
        }
        return scopes;
    }
}
