package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Rule;
import io.github.exchangecompliance.model.RegistryKey;

/**
 * A rule about one registry key on its own: what it finds depends on the key's path and values and nothing else.
 * The engine hands it every key declared in a group or merged into a server once: servers share their groups'
 * keys, so 10,000 servers of one group cost what the group costs.
 */
public interface KeyRule extends Rule {

    void check(RegistryKey key, Reporter out);
}
