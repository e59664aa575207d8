package io.github.exchangecompliance.api;

/** A rule whose findings come from reading the input (syntax, schema, certificate files), not from a check. */
public interface InputRule extends Rule {}
