package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Rule;
import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.model.InfraModel;

/**
 * A rule that looks across the organization: certificates and their chains, egress paths shared by servers,
 * settings at both organization and server level.
 */
public interface ModelRule extends Rule {

    void check(InfraModel model, RuleContext context, Reporter out);
}
