package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.engine.Reporter;
import io.github.exchangecompliance.engine.Rule;
import io.github.exchangecompliance.model.RegistryScope;

/**
 * A rule about declared registry values. It sees every group's declarations and every server's merged ones,
 * so a wrong value is found wherever it stands; the engine drops a finding the scopes share.
 */
public interface RegistryRule extends Rule {

    void check(RegistryScope scope, Reporter out);
}
