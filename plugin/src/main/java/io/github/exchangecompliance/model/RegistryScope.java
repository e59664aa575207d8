package io.github.exchangecompliance.model;

import java.util.Optional;

/**
 * A set of registry declarations that apply together: a group's, or a server's after merging.
 *
 * @param server the server, when the scope is one
 * @param group the group, when the scope is one
 */
public record RegistryScope(
        String description, Registry registry, Optional<Server> server, Optional<ServerGroup> group) {}
