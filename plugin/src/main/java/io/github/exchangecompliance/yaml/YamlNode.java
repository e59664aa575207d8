package io.github.exchangecompliance.yaml;

import io.github.exchangecompliance.model.Location;

/**
 * A YAML node with the place it was written. Jackson's own tree nodes carry no location, so the reader
 * builds these while it streams.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

    Location location();

    /** A word for messages: "a mapping", "a list", "a string", ... */
    String describe();
}
