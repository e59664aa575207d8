package io.github.exchangecompliance.api;

/**
 * A check. Its metadata is its {@link RuleInfo}; what it inspects is said by the sub-interface it implements,
 * and the engine walks the model and dispatches.
 */
public interface Rule {}
