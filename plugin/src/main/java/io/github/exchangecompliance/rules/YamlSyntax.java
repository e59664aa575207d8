package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported by the reader: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0001",
        name = "yaml-syntax",
        severity = Severity.ERROR,
        summary = "A file cannot be parsed as YAML, or breaks a safety limit (size, depth, aliases, scalar length, "
                + "encoding).",
        description = "The file could not be read, so nothing in it was checked and the build cannot vouch for it. "
                + "The finding gives the parser's own words at the line and column where it stopped. Limits "
                + "(maxFileSize, maxNestingDepth, maxAliases) keep a broken or hostile file from exhausting the "
                + "build; raise them only for a file you trust.",
        sources = "https://yaml.org/spec/1.2.2/")
public final class YamlSyntax implements InputRule {}
