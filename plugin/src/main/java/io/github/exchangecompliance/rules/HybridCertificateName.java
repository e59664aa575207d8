package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.Value;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code tlsCertificateName} both sides of hybrid mail flow must carry: {@code <I>issuer<S>subject} of the
 * organization's hybrid certificate as Exchange prints it. The receive connector HCW picks (EX3003) and the send
 * connector to Exchange Online (EX3009) are judged by this one reading. Tags and names are compared without regard
 * to case, as Exchange compares them.
 */
final class HybridCertificateName {

    /** What is wrong with a connector's name, if anything. */
    enum Problem {
        NONE,
        MISSING,
        MALFORMED,
        OTHER_CERTIFICATE
    }

    private static final Pattern SYNTAX = Pattern.compile("(?is)<I>.+<S>.+");

    private final CertificateChain certificate;

    private HybridCertificateName(CertificateChain certificate) {
        this.certificate = certificate;
    }

    static HybridCertificateName of(InfraModel model) {
        Optional<CertificateChain> chain = model.organization()
                .map(Organization::hybrid)
                .map(Organization.Hybrid::certificate)
                .flatMap(c -> model.chain(c.value()));
        return new HybridCertificateName(chain.orElse(null));
    }

    /** The name the hybrid certificate gives, when its file was read. */
    Optional<String> expected() {
        return Optional.ofNullable(certificate).map(c -> c.leaf().tlsCertificateName());
    }

    /** The hybrid certificate's document name; only meaningful when {@link #expected} is present. */
    String certificateName() {
        return certificate == null ? "" : certificate.name();
    }

    /** "; set it to ..." when the expected name is known, else nothing. */
    String fix() {
        return expected().map(e -> "; set it to " + e).orElse("");
    }

    /**
     * Reports what is wrong with a connector's name: at the connector when it has none, else at the name.
     *
     * @param where the connector as the message names it ("the hybrid connector 'X' on EX01")
     */
    void check(Value<String> name, Location connector, String where, Reporter out) {
        switch (problem(name)) {
            case MISSING -> out.report(connector, where + " has no tlsCertificateName" + fix());
            case MALFORMED ->
                out.report(
                        name.location(),
                        "the tlsCertificateName of " + where + " is not '<I>issuer<S>subject'" + fix());
            case OTHER_CERTIFICATE ->
                out.report(
                        name.location(),
                        "the tlsCertificateName of " + where + " does not name the hybrid certificate "
                                + certificateName() + fix());
            case NONE -> {}
        }
    }

    Problem problem(Value<String> name) {
        if (name == null || name.value().isBlank()) {
            return Problem.MISSING;
        }
        if (!SYNTAX.matcher(name.value()).matches()) {
            return Problem.MALFORMED;
        }
        Optional<String> expected = expected();
        if (expected.isPresent()
                && !name.value()
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(expected.get().toLowerCase(Locale.ROOT))) {
            return Problem.OTHER_CERTIFICATE;
        }
        return Problem.NONE;
    }
}
