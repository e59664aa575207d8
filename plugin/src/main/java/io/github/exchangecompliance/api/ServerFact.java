package io.github.exchangecompliance.api;

import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.Server;
import java.util.function.Predicate;

/**
 * What a rule needs to know of a server to judge it ({@link RuleInfo#needs}). A server without it is not judged by
 * that rule, and the summary says how many were left out, so a silent rule is never taken for a pass.
 */
public enum ServerFact {

    /** The Exchange version, as the version table places it. */
    VERSION(
            "an Exchange version",
            server -> server.spec().version() != null
                    && ExchangeVersions.bundled()
                            .place(server.spec().version().value())
                            .isPresent()),
    /** The Windows Server version. */
    WINDOWS_VERSION("a Windows version", server -> server.spec().operatingSystem() != null);

    private final String words;
    // Stateless lambdas over the server they are given: nothing in them changes.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Predicate<Server> known;

    ServerFact(String words, Predicate<Server> known) {
        this.words = words;
        this.known = known;
    }

    /** "an Exchange version", as the summary says what servers are without. */
    public String words() {
        return words;
    }

    public boolean isKnownFor(Server server) {
        return known.test(server);
    }
}
