package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.CertificateInfo;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2006",
        name = "certificate-weak",
        severity = Severity.ERROR,
        summary = "A certificate in a chain a server uses has an RSA key under 2048 bits, an EC key under 256 bits, "
                + "or (not being a root) a SHA-1 or MD5 signature.",
        description = "HealthChecker reports keys under 2048 bits in red and SHA-1 signatures; browsers, Exchange "
                + "Online and current Windows reject them. A root's own signature is not checked (trust in a root "
                + "comes from the trust store, not from its signature), but its key is.",
        sources = {
            "https://github.com/microsoft/CSS-Exchange/blob/main/Diagnostics/HealthChecker/Analyzer/Security/Invoke-AnalyzerSecurityExchangeCertificates.ps1"
        })
public final class CertificateWeak implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        for (CertificateInfo certificate : inspection.usedCertificates()) {
            String name = "'" + certificate.displayName() + "'";
            if (certificate.keyAlgorithm().equals("RSA") && certificate.keyBits() < 2048) {
                out.report(
                        certificate.source(),
                        "the certificate " + name + " has a " + certificate.keyBits()
                                + "-bit RSA key; use 2048 bits or more");
            }
            if (certificate.keyAlgorithm().equals("EC") && certificate.keyBits() < 256) {
                out.report(
                        certificate.source(),
                        "the certificate " + name + " has a " + certificate.keyBits()
                                + "-bit EC key; use 256 bits or more");
            }
            if (!certificate.isSelfIssued() && certificate.hasWeakSignature()) {
                out.report(
                        certificate.source(),
                        "the certificate " + name + " is signed with " + certificate.signatureAlgorithm()
                                + "; reissue it with SHA-256 or stronger");
            }
        }
    }
}
