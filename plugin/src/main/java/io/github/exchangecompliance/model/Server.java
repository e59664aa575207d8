package io.github.exchangecompliance.model;

import java.util.List;

/**
 * An Exchange server with its groups already merged in.
 *
 * @param location where the server's document starts
 * @param ownRegistryLocation the {@code registry} key of the server's own document, or null
 */
public record Server(
        Value<String> name,
        List<Value<String>> groups,
        ServerSpec spec,
        Location location,
        Location ownRegistryLocation) {

    public Server {
        groups = List.copyOf(groups);
    }

    public String displayName() {
        return name.value();
    }

    /** True for Edge Transport servers. */
    public boolean isEdge() {
        return spec.rolesOrEmpty().stream().anyMatch(r -> r.value().equalsIgnoreCase("Edge"));
    }

    /**
     * Where a finding about something the server lacks belongs: the registry key of its own document, else its
     * document (not a group's registry, which other servers share).
     */
    public Location missingValueLocation() {
        return ownRegistryLocation != null ? ownRegistryLocation : location;
    }
}
