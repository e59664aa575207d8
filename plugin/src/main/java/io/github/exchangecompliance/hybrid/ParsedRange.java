package io.github.exchangecompliance.hybrid;

/** What reading a remote IP range gives: the range, or why there is none. */
public sealed interface ParsedRange permits AddressRange, ValueProblem {}
