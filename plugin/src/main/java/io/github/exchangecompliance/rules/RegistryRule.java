package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Rule;
import io.github.exchangecompliance.model.RegistryScope;

/**
 * A rule about declared registry values. It sees every group's declarations and every server's merged ones,
 * so a wrong value is found wherever it stands; the engine drops a finding the scopes share. What it finds must
 * depend on the scope's registry (and, for a group, on the group) alone: servers with equal registries are
 * checked once.
 */
public interface RegistryRule extends Rule {

    void check(RegistryScope scope, Reporter out);
}
