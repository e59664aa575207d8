package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.ansible.AnsibleLoader;
import io.github.exchangecompliance.ansible.DscLoader;
import io.github.exchangecompliance.load.NativeLoader;
import io.github.exchangecompliance.yaml.YamlFile;
import java.util.Locale;

/** What a file is, by its content (SPEC section 4.1), never by its name. */
public enum FileKind {
    /** Holds a native document ({@code apiVersion: exchange-compliance/v1}). */
    NATIVE,
    /** Holds a DSC v3 configuration document. */
    DSC,
    /** An Ansible playbook, task list, inventory or variables file. */
    ANSIBLE,
    /** Could not be read as YAML (its EX0001 says why). */
    BROKEN,
    /** Only comments, {@code ---} or nothing. */
    EMPTY,
    /** Valid YAML that is none of the above. */
    OTHER;

    public static FileKind of(YamlFile yaml) {
        if (yaml.documents().stream().anyMatch(NativeLoader::isNative)) {
            return NATIVE;
        }
        if (yaml.documents().stream().anyMatch(d -> DscLoader.isDsc(d.root()))) {
            return DSC;
        }
        if (!yaml.documents().isEmpty()
                && AnsibleLoader.isAnsible(yaml.documents().get(0).root())) {
            return ANSIBLE;
        }
        if (yaml.problem().isPresent()) {
            return BROKEN;
        }
        return yaml.isEmpty() ? EMPTY : OTHER;
    }

    /** The lower-case name, as the corpus expectations write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
