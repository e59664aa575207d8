package io.github.exchangecompliance.hybrid;

import io.github.exchangecompliance.model.Value;

/** A binding or remote IP range that could not be read, and why: an EX3007 finding. */
public record ValueProblem(Value<String> written, String why) implements ParsedRange {}
