package io.github.exchangecompliance.yaml;

import io.github.exchangecompliance.model.Location;
import java.util.List;

/** A YAML sequence. */
public record YamlSeq(List<YamlNode> items, Location location) implements YamlNode {

    public YamlSeq {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
