package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Rule;

/**
 * A rule that looks across the organization: certificates and their chains, egress paths shared by servers,
 * settings at both organization and server level. It is handed what the run worked out once ({@link Inspection}).
 */
public interface ModelRule extends Rule {

    void check(Inspection inspection, Reporter out);
}
