package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.load.Suggestions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The severity each rule runs at: its default, or what the {@code rules} parameter says ({@code off} turns a rule
 * off, and a rule that is off does not run).
 */
public final class RuleSettings {

    private final Map<String, Severity> overrides;

    private RuleSettings(Map<String, Severity> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static RuleSettings defaults() {
        return new RuleSettings(Map.of());
    }

    /**
     * Reads the {@code rules} parameter: rule id or name to error, warning, note or off.
     *
     * @throws IllegalArgumentException with a one-line message naming what is wrong and what is accepted
     */
    public static RuleSettings parse(Map<String, String> configured) {
        Map<String, Severity> overrides = new LinkedHashMap<>();
        if (configured != null) {
            for (Map.Entry<String, String> entry : configured.entrySet()) {
                RuleDescriptor rule = Catalog.find(entry.getKey())
                        .orElseThrow(() -> new IllegalArgumentException("rules: unknown rule '" + entry.getKey() + "'"
                                + Suggestions.didYouMean(
                                        entry.getKey(), Catalog.idsAndNames().toList())
                                + " (run exchange-compliance:rules for the list)"));
                Severity severity = Severity.parse(entry.getValue());
                if (severity == null) {
                    throw new IllegalArgumentException("rules: '" + entry.getValue() + "' for " + entry.getKey()
                            + " is not a severity; use error, warning, note or off");
                }
                overrides.put(rule.id(), severity);
            }
        }
        return new RuleSettings(overrides);
    }

    /** The severity a finding of this rule gets, given the severity the rule chose for it. */
    public Severity severity(RuleDescriptor rule, Severity chosen) {
        return overrides.getOrDefault(rule.id(), chosen);
    }

    @Override
    public String toString() {
        return new java.util.TreeMap<>(overrides).toString();
    }

    public boolean isOff(RuleDescriptor rule) {
        return overrides.get(rule.id()) == Severity.OFF;
    }
}
