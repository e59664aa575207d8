package io.github.exchangecompliance.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small PKI built in code with Bouncy Castle for the certificate tests (no binary fixtures of unknown origin):
 * a root, an issuing CA with a CRL distribution point and an AIA issuer URL, and leaves for every case the rules
 * know, written to {@code certs/} of a directory. Dates are fixed around {@link #REFERENCE_DATE}.
 */
public final class TestPki {

    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 28);
    public static final String ROOT = "CN=Contoso Test Root CA, O=Contoso, C=US";
    public static final String ISSUING = "CN=Contoso Issuing CA 1, O=Contoso, C=US";
    public static final String ISSUING_CRL = "http://crl.pki.contoso.test/issuing1.crl";
    public static final String ISSUING_AIA = "http://pki.contoso.test/issuing1.crt";
    public static final String OCSP = "http://ocsp.pki.contoso.test/";
    public static final String ROOT_CRL = "http://crl.pki.contoso.test/root.crl";

    private static Path shared;
    private static long serial = 1000;

    private TestPki() {}

    /** A directory holding {@code certs/} with every test certificate, made once per test run. */
    public static synchronized Path directory() {
        if (shared == null) {
            try {
                shared = Files.createTempDirectory("exchange-compliance-pki");
                write(shared.resolve("certs"));
            } catch (IOException
                    | GeneralSecurityException
                    | org.bouncycastle.operator.OperatorCreationException
                    | org.bouncycastle.cms.CMSException e) {
                throw new IllegalStateException("cannot build the test PKI", e);
            }
        }
        return shared;
    }

    /** What a leaf should look like. */
    public record Leaf(
            String subject, List<String> dns, LocalDate from, LocalDate to, boolean revocationInfo, String signature) {}

    private static void write(Path certs)
            throws IOException, GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException,
                    org.bouncycastle.cms.CMSException {
        Files.createDirectories(certs);
        KeyPair rootKey = rsa(2048);
        KeyPair issuingKey = rsa(2048);
        KeyPair leafKey = rsa(2048);
        X509CertificateHolder root = ca(ROOT, ROOT, rootKey, rootKey.getPrivate(), null, null);
        X509CertificateHolder issuing = ca(ISSUING, ROOT, issuingKey, rootKey.getPrivate(), ROOT_CRL, root);
        pem(certs.resolve("root.pem"), root);
        pem(certs.resolve("issuing-ca.pem"), issuing);

        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2027, 6, 30);
        X509CertificateHolder mail = leaf(
                new Leaf(
                        "CN=mail.contoso.com, O=Contoso, C=US",
                        List.of("mail.contoso.com", "autodiscover.contoso.com"),
                        from,
                        to,
                        true,
                        "SHA256withRSA"),
                leafKey,
                issuingKey,
                issuing);
        pem(certs.resolve("mail.pem"), mail);
        Files.write(certs.resolve("mail.cer"), mail.getEncoded());
        pem(certs.resolve("mail-with-chain.pem"), mail, issuing, root);
        pem(
                certs.resolve("wildcard.pem"),
                leaf(
                        new Leaf(
                                "CN=*.contoso.com, O=Contoso, C=US",
                                List.of("*.contoso.com"),
                                from,
                                to,
                                true,
                                "SHA256withRSA"),
                        leafKey,
                        issuingKey,
                        issuing));
        pem(
                certs.resolve("expired.pem"),
                leaf(
                        new Leaf(
                                "CN=old.contoso.com",
                                List.of("old.contoso.com"),
                                LocalDate.of(2025, 6, 1),
                                LocalDate.of(2026, 6, 30),
                                true,
                                "SHA256withRSA"),
                        leafKey,
                        issuingKey,
                        issuing));
        pem(
                certs.resolve("expiring.pem"),
                leaf(
                        new Leaf(
                                "CN=soon.contoso.com",
                                List.of("soon.contoso.com"),
                                LocalDate.of(2025, 12, 10),
                                LocalDate.of(2026, 12, 10),
                                true,
                                "SHA256withRSA"),
                        leafKey,
                        issuingKey,
                        issuing));
        pem(
                certs.resolve("sha1.pem"),
                leaf(
                        new Leaf("CN=legacy.contoso.com", List.of("legacy.contoso.com"), from, to, true, "SHA1withRSA"),
                        leafKey,
                        issuingKey,
                        issuing));
        pem(
                certs.resolve("weak.pem"),
                leaf(
                        new Leaf("CN=weak.contoso.com", List.of("weak.contoso.com"), from, to, true, "SHA256withRSA"),
                        rsa(1024),
                        issuingKey,
                        issuing));
        pem(
                certs.resolve("no-revocation.pem"),
                leaf(
                        new Leaf(
                                "CN=internal.contoso.com",
                                List.of("internal.contoso.com"),
                                from,
                                to,
                                false,
                                "SHA256withRSA"),
                        leafKey,
                        issuingKey,
                        issuing));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        pem(
                certs.resolve("ec.pem"),
                leaf(
                        new Leaf("CN=ec.contoso.com", List.of("ec.contoso.com"), from, to, true, "SHA256withRSA"),
                        ec.generateKeyPair(),
                        issuingKey,
                        issuing));

        CMSSignedDataGenerator bundle = new CMSSignedDataGenerator();
        bundle.addCertificates(new JcaCertStore(List.of(x509(issuing), x509(root))));
        Files.write(
                certs.resolve("chain.p7b"),
                bundle.generate(new CMSProcessableByteArray(new byte[0]), false).getEncoded());

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "mail", leafKey.getPrivate(), "secret".toCharArray(), new java.security.cert.Certificate[] {x509(mail)
                });
        try (OutputStream out = Files.newOutputStream(certs.resolve("mail.pfx"))) {
            store.store(out, "secret".toCharArray());
        }
        byte[] garbage = new byte[700];
        new java.util.Random(3).nextBytes(garbage);
        Files.write(certs.resolve("garbage.cer"), garbage);
        Files.writeString(certs.resolve("not-a-certificate.pem"), """
                -----BEGIN CERTIFICATE-----
                not base64!
                -----END CERTIFICATE-----
                """);
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder ca(
            String subject,
            String issuer,
            KeyPair key,
            PrivateKey signer,
            String crl,
            X509CertificateHolder issuerCertificate)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(reverse(issuer)),
                BigInteger.valueOf(serial++),
                date(LocalDate.of(2020, 1, 1)),
                date(LocalDate.of(2040, 1, 1)),
                new X500Name(reverse(subject)),
                key.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key.getPublic()));
        if (issuerCertificate != null) {
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCertificate));
            builder.addExtension(Extension.cRLDistributionPoints, false, cdp(crl));
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer));
    }

    private static X509CertificateHolder leaf(Leaf leaf, KeyPair key, KeyPair issuerKey, X509CertificateHolder issuer)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer.getSubject(),
                BigInteger.valueOf(serial++),
                date(leaf.from()),
                date(leaf.to()),
                new X500Name(reverse(leaf.subject())),
                key.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
        List<GeneralName> names = new ArrayList<>();
        leaf.dns().forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        builder.addExtension(
                Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        if (leaf.revocationInfo()) {
            builder.addExtension(Extension.cRLDistributionPoints, false, cdp(ISSUING_CRL));
            builder.addExtension(
                    Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(
                                AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(OCSP))),
                        new AccessDescription(
                                AccessDescription.id_ad_caIssuers,
                                new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(ISSUING_AIA)))
                    }));
        }
        return builder.build(new JcaContentSignerBuilder(leaf.signature()).build(issuerKey.getPrivate()));
    }

    private static CRLDistPoint cdp(String url) {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
        return new CRLDistPoint(
                new DistributionPoint[] {new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    /** Names are written most specific first, as Exchange prints them; X.500 encodes them the other way. */
    private static String reverse(String name) {
        List<String> parts = new ArrayList<>(List.of(name.split(",\\s*")));
        java.util.Collections.reverse(parts);
        return String.join(",", parts);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static X509Certificate x509(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static void pem(Path file, X509CertificateHolder... holders) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509CertificateHolder holder : holders) {
                writer.writeObject(holder);
            }
        }
        Files.writeString(file, text.toString());
    }
}
