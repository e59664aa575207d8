package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.CertificateInfo;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2008",
        name = "certificate-no-revocation-info",
        severity = Severity.WARNING,
        summary = "A non-root certificate in a chain has neither a CRL distribution point nor an OCSP responder.",
        description = "Without either, Windows cannot check whether the certificate was revoked, and a validation "
                + "that requires a revocation check fails ('revocation status unknown', CERT_TRUST_REVOCATION_STATUS_"
                + "UNKNOWN), as in hybrid mail flow with certificate validation. Public CAs always include them; an "
                + "internal CA should publish a CRL over HTTP.",
        sources = {
            "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592"
        })
public final class CertificateNoRevocationInfo implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        for (CertificateInfo certificate : inspection.usedCertificates()) {
            if (!certificate.isSelfIssued()
                    && certificate.crlUrls().isEmpty()
                    && certificate.ocspUrls().isEmpty()) {
                out.report(
                        certificate.source(),
                        "the certificate '" + certificate.displayName() + "' names neither "
                                + "a CRL distribution point nor an OCSP responder, so its revocation cannot be checked");
            }
        }
    }
}
