package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported by the Ansible and DSC loaders: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0003",
        name = "unresolved-value",
        severity = Severity.NOTE,
        summary = "An Ansible or DSC value needs evaluation the plugin does not do (a Jinja filter, an unknown "
                + "variable, a condition); the value is treated as unknown.",
        description = "The plugin evaluates plain variables (play vars, role defaults and vars, group_vars, "
                + "host_vars, loop items) and the filters default, ternary, bool, int, string, lower and upper, and "
                + "decides simple when: conditions. Anything else is not guessed: the value is unknown, and a rule "
                + "that needs it says it could not verify it (EX1005 lists such values) rather than pass. Define "
                + "the variable where the plugin looks, or write the value literally, to have it checked.",
        sources = "https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_variables.html")
public final class UnresolvedValue implements InputRule {}
