package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.InputRule;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;

/** Reported by the certificate loader: see {@link RuleInfo}. */
@RuleInfo(
        id = "EX0005",
        name = "certificate-file",
        severity = Severity.ERROR,
        summary = "A referenced certificate file is missing, unreadable, or not a certificate (PEM, DER, PKCS#7).",
        description = "A Certificate document names files (file, chain) that the plugin reads to check names, "
                + "validity, keys and the revocation URLs the chain needs. A file that is missing, cannot be read, "
                + "holds no certificate, or needs a password (a PKCS#12 .pfx store) cannot be checked, so the "
                + "build cannot vouch for what depends on it. Name a PEM, DER/CER or PKCS#7 (.p7b) file of the "
                + "public certificate (export it without its private key).",
        sources = "https://learn.microsoft.com/exchange/architecture/client-access/certificates")
public final class CertificateFile implements InputRule {}
