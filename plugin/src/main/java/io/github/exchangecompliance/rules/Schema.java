package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported by the native loader: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0002",
        name = "schema",
        severity = Severity.ERROR,
        summary = "A native document breaks the schema: unknown key, wrong type, bad enum value, duplicate key or "
                + "name, dangling reference, unknown Exchange version.",
        description = "A document of the native format (apiVersion exchange-compliance/v1) says something the "
                + "plugin cannot read as the author meant it. A misspelt key would otherwise be silently ignored "
                + "and the setting it holds never checked, so the finding names the nearest known key. The JSON "
                + "Schema exchange-compliance-v1.schema.json gives editors the same checks as you type.",
        sources = "exchange-compliance-v1.schema.json")
public final class Schema implements InputRule {}
