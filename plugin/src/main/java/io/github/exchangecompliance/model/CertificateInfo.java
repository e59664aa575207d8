package io.github.exchangecompliance.model;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * What the rules need to know of one certificate, read with Bouncy Castle.
 *
 * @param source where the YAML names the file the certificate came from
 * @param subject the subject as Exchange prints it
 * @param dnsNames the subject alternative names of type DNS
 * @param crlUrls CRL distribution point URLs
 * @param caIssuerUrls AIA "CA issuers" URLs
 * @param ocspUrls AIA OCSP responder URLs
 * @param keyAlgorithm {@code RSA}, {@code EC}, ...
 * @param keyBits the RSA modulus length or the EC curve's order length
 * @param signatureAlgorithm e.g. {@code SHA256WITHRSA}
 * @param thumbprint the SHA-1 of the certificate's DER in upper-case hex, as Windows and Exchange name it
 */
public record CertificateInfo(
        X500Name subjectName,
        X500Name issuerName,
        String subject,
        String issuer,
        String commonName,
        List<String> dnsNames,
        List<String> crlUrls,
        List<String> caIssuerUrls,
        List<String> ocspUrls,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keyBits,
        String signatureAlgorithm,
        String subjectKeyId,
        String authorityKeyId,
        List<String> extendedKeyUsages,
        String thumbprint,
        Location source) {

    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
        crlUrls = List.copyOf(crlUrls);
        caIssuerUrls = List.copyOf(caIssuerUrls);
        ocspUrls = List.copyOf(ocspUrls);
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
    }

    /** A root: issued by itself (same name, and the same key when both key identifiers are there). */
    public boolean isSelfIssued() {
        boolean sameName = subjectName.equals(issuerName);
        boolean sameKey = subjectKeyId == null || authorityKeyId == null || subjectKeyId.equals(authorityKeyId);
        return sameName && sameKey;
    }

    /** True when {@code issuer} issued this certificate: by key identifier when both have one, else by name. */
    public boolean isIssuedBy(CertificateInfo issuer) {
        if (authorityKeyId != null && issuer.subjectKeyId != null) {
            return authorityKeyId.equals(issuer.subjectKeyId);
        }
        return issuerName.equals(issuer.subjectName);
    }

    /** The name messages use: the subject's common name, or the whole subject. */
    public String displayName() {
        return commonName != null ? commonName : subject;
    }

    /** {@code <I>issuer<S>subject}, as a receive connector's TlsCertificateName must hold it. */
    public String tlsCertificateName() {
        return "<I>" + issuer + "<S>" + subject;
    }

    public boolean hasWeakSignature() {
        String name = signatureAlgorithm.toUpperCase(java.util.Locale.ROOT);
        return name.contains("SHA1") || name.contains("MD5") || name.contains("MD2");
    }

    /** Every URL the chain check fetches for this certificate, with what it is for. */
    public List<RevocationUrl> revocationUrls() {
        java.util.ArrayList<RevocationUrl> urls = new java.util.ArrayList<>();
        crlUrls.forEach(u -> urls.add(new RevocationUrl(u, "CRL distribution point")));
        caIssuerUrls.forEach(u -> urls.add(new RevocationUrl(u, "AIA issuer URL")));
        ocspUrls.forEach(u -> urls.add(new RevocationUrl(u, "OCSP responder")));
        return urls;
    }

    /** A URL a certificate names for chain building or revocation, and its kind. */
    public record RevocationUrl(String url, String kind) {}
}
