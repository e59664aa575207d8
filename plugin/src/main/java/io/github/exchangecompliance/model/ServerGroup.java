package io.github.exchangecompliance.model;

/**
 * A group of servers sharing declarations (SPEC: {@code kind: ServerGroup}), or the declarations of an Ansible
 * or DSC file that no Exchange server is known to receive.
 *
 * @param standalone true for such declarations standing on their own (not a native group)
 */
public record ServerGroup(Value<String> name, ServerSpec spec, Location location, boolean standalone) {

    public ServerGroup(Value<String> name, ServerSpec spec, Location location) {
        this(name, spec, location, false);
    }
}
