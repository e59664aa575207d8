package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Location;

/**
 * A value as Ansible would see it (string, number, boolean, list, map or null) and where it was written: a
 * finding about it points at the variable that holds it, not at the template that used it.
 */
public record Var(Object value, Location location) {}
