package io.github.exchangecompliance.ansible;

/** A template or condition the plugin does not evaluate: an EX0003 note, and the value is unknown. */
public final class Unresolved extends Exception {

    private static final long serialVersionUID = 1L;

    public Unresolved(String why) {
        super(why, null, false, false);
    }
}
