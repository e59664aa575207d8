package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.CertificateInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2005",
        name = "certificate-expiry",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "A certificate in a chain a server uses has expired at referenceDate (error), or expires within "
                + "certificateExpiryWarningDays of it (warning).",
        description = "An expired certificate breaks TLS for everything bound to it: SMTP with Exchange Online "
                + "('451 5.7.3 STARTTLS is required'), OWA, Autodiscover, hybrid. HealthChecker turns red under 30 "
                + "days. The date judged against is the referenceDate parameter (today, UTC, by default) so that a "
                + "build can be reproduced; the warning window is certificateExpiryWarningDays (30).",
        sources = {
            "https://github.com/microsoft/CSS-Exchange/blob/main/Diagnostics/HealthChecker/Analyzer/Security/Invoke-AnalyzerSecurityExchangeCertificates.ps1",
            "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592"
        })
public final class CertificateExpiry implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        RuleContext context = inspection.context();
        LocalDate today = context.referenceDate();
        for (CertificateInfo certificate : inspection.usedCertificates()) {
            LocalDate expiry = certificate.notAfter().atZone(ZoneOffset.UTC).toLocalDate();
            if (certificate
                    .notAfter()
                    .isBefore(today.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                out.report(
                        Severity.ERROR,
                        certificate.source(),
                        "the certificate '" + certificate.displayName() + "' expired on " + expiry + " (referenceDate "
                                + today + "); renew it");
            } else if (expiry.isBefore(today.plusDays(context.certificateExpiryWarningDays()))) {
                out.report(
                        Severity.WARNING,
                        certificate.source(),
                        "the certificate '" + certificate.displayName()
                                + "' expires on " + expiry + ", within " + context.certificateExpiryWarningDays()
                                + " days of " + today + "; renew it");
            }
        }
    }
}
