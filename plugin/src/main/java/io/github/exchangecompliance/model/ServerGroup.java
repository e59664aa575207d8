package io.github.exchangecompliance.model;

import io.github.exchangecompliance.engine.Location;

/** A group of servers sharing declarations (SPEC: {@code kind: ServerGroup}). */
public record ServerGroup(Value<String> name, ServerSpec spec, Location location) {
}
