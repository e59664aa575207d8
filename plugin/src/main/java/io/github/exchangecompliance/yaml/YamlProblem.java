package io.github.exchangecompliance.yaml;

import io.github.exchangecompliance.model.Location;

/** Why a file could not be read as YAML, and where: becomes an EX0001 finding. */
public final class YamlProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public YamlProblem(String message, Location location) {
        super(message, null, false, false);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
