package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported when inline suppressions are read: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0004",
        name = "suppression",
        severity = Severity.NOTE,
        summary = "An inline suppression without a reason, naming an unknown rule, expired, or suppressing nothing.",
        description = "A comment '# exchange-compliance:ignore EX1003 -- reason [until 2027-03-31]' on the line of "
                + "a node, or the line above it, suppresses the rules it names for that node and everything under "
                + "it; suppressed findings stay in every report but do not fail the build. A suppression must say "
                + "why, so that a reviewer can judge it; one that names no known rule, has expired or no longer "
                + "suppresses anything is reported so that it can be removed, and does not apply.",
        sources = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html")
public final class Suppression implements InputRule {}
