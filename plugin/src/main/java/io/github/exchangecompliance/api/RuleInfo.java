package io.github.exchangecompliance.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, on the rule's own class: the one source for console lines, SARIF descriptors, the
 * {@code rules} goal and the rule's site page.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable id, {@code EX} and four digits; never reused. */
    String id();

    /** Kebab-case name, usable instead of the id in the {@code rules} parameter. */
    String name();

    Severity severity();

    /** One line: what the rule finds. */
    String summary();

    /** A paragraph: why it matters on a server and what to do. */
    String description();

    /** Public sources (DOMAIN.md) the rule rests on. */
    String[] sources() default {};

    /** What the rule must know of a server to judge it; servers without it are counted in the summary. */
    ServerFact[] needs() default {};

    /**
     * True when what the rule finds stops a service on its own: mail flow, hybrid mail, TLS for the .NET Framework
     * (Event 3018) or the Emergency Mitigation Service (Event 1008). Code scanning ranks such findings high.
     */
    boolean breaksService() default false;

    /**
     * How sure a finding is, in SARIF's words: {@code very-high} when it follows from the declared values and
     * Microsoft's documentation, {@code high} when it rests on observed behaviour no document states.
     */
    String precision() default "very-high";
}
