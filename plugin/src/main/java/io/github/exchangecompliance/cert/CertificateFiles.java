package io.github.exchangecompliance.cert;

import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;

/**
 * Reads the certificates in a file: PEM (one or many, certificates or PKCS#7), DER, CER or PKCS#7 ({@code .p7b}).
 * Never fetches anything. A file that holds no certificate, or one that needs a password (PKCS#12), is a
 * {@link CertificateFileException} with a message for EX0005.
 */
public final class CertificateFiles {

    private static final long MAX_SIZE = 1024 * 1024;
    /**
     * The most certificates read from one file: a chain is a handful, a bundle of roots a few hundred. Thousands,
     * each a candidate issuer of every other, would make building the chains take minutes.
     */
    static final int MOST_CERTIFICATES = 500;

    private CertificateFiles() {}

    /** Why a certificate file could not be read. */
    public static final class CertificateFileException extends Exception {

        private static final long serialVersionUID = 1L;

        public CertificateFileException(String message) {
            super(message, null, false, false);
        }
    }

    public static List<CertificateInfo> read(Path file, Location source) throws CertificateFileException {
        byte[] bytes;
        try {
            // The size is what is read, not what the file system says (0 for a device or a /proc file).
            bytes = SourceFiles.read(file, MAX_SIZE);
        } catch (Refused e) {
            throw new CertificateFileException(
                    e.reason() == Refused.Reason.TOO_LARGE
                            ? "is larger than 1 MiB, which no certificate file is"
                            : e.getMessage());
        } catch (NoSuchFileException e) {
            throw new CertificateFileException("does not exist");
        } catch (IOException | SecurityException e) {
            throw new CertificateFileException("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        List<X509CertificateHolder> holders = new ArrayList<>();
        try {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN ")) {
                readPem(text, holders);
            } else {
                readDer(bytes, holders);
            }
        } catch (IOException | CMSException | RuntimeException e) {
            throw new CertificateFileException("is not a certificate (PEM, DER, CER or PKCS#7): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage())));
        }
        if (holders.isEmpty()) {
            throw new CertificateFileException("holds no certificate (PEM, DER, CER or PKCS#7)");
        }
        if (holders.size() > MOST_CERTIFICATES) {
            throw new CertificateFileException("holds " + holders.size() + " certificates, more than the "
                    + MOST_CERTIFICATES + " a chain or a bundle of roots has; name the server's chain instead");
        }
        List<CertificateInfo> infos = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            infos.add(describe(holder, source));
        }
        return infos;
    }

    /** One certificate's DER (an export's RawData), described as a certificate file's are. */
    public static CertificateInfo describe(byte[] der, Location source) throws CertificateFileException {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new CertificateFileException("is not a certificate (DER)");
        }
        return describe(holder, source);
    }

    private static void readPem(String text, List<X509CertificateHolder> out)
            throws IOException, CertificateFileException, CMSException {
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") && !text.contains("-----BEGIN CERTIFICATE")) {
            throw new CertificateFileException("holds only an encrypted private key, which needs a password; "
                    + "export the certificate without its key");
        }
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    out.add(holder);
                } else if (object instanceof ContentInfo info) {
                    out.addAll(certificates(new CMSSignedData(info)));
                }
            }
        }
    }

    private static void readDer(byte[] bytes, List<X509CertificateHolder> out)
            throws IOException, CMSException, CertificateFileException {
        try {
            out.add(new X509CertificateHolder(bytes));
            return;
        } catch (IOException | RuntimeException notACertificate) {
            // Not a single certificate: a PKCS#7 bundle or a PKCS#12 store, perhaps.
        }
        try {
            out.addAll(certificates(new CMSSignedData(bytes)));
            return;
        } catch (CMSException | RuntimeException notPkcs7) {
            // Fall through to the PKCS#12 check.
        }
        try {
            new PKCS12PfxPdu(bytes);
        } catch (IOException | RuntimeException notPkcs12) {
            throw new CertificateFileException("is not a certificate (PEM, DER, CER or PKCS#7)");
        }
        throw new CertificateFileException("is a PKCS#12 (.pfx) store, which needs a password; export the "
                + "certificate without its key (.cer) and name that file");
    }

    @SuppressWarnings("unchecked")
    private static Collection<X509CertificateHolder> certificates(CMSSignedData data) {
        return data.getCertificates().getMatches(null);
    }

    static CertificateInfo describe(X509CertificateHolder holder, Location source) throws CertificateFileException {
        Extensions extensions = holder.getExtensions();
        List<String> dns = new ArrayList<>();
        GeneralNames san = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (san != null) {
            for (GeneralName name : san.getNames()) {
                if (name.getTagNo() == GeneralName.dNSName) {
                    dns.add(ASN1IA5String.getInstance(name.getName()).getString());
                }
            }
        }
        List<String> crls = new ArrayList<>();
        CRLDistPoint cdp = extensions == null ? null : CRLDistPoint.fromExtensions(extensions);
        if (cdp != null) {
            for (DistributionPoint point : cdp.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    crls.addAll(uris(GeneralNames.getInstance(name.getName())));
                }
            }
        }
        List<String> caIssuers = new ArrayList<>();
        List<String> ocsp = new ArrayList<>();
        AuthorityInformationAccess aia =
                extensions == null ? null : AuthorityInformationAccess.fromExtensions(extensions);
        if (aia != null) {
            for (AccessDescription access : aia.getAccessDescriptions()) {
                List<String> target = access.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        ? ocsp
                        : access.getAccessMethod().equals(AccessDescription.id_ad_caIssuers) ? caIssuers : null;
                if (target != null) {
                    target.addAll(uris(new GeneralNames(access.getAccessLocation())));
                }
            }
        }
        List<String> ekus = new ArrayList<>();
        ExtendedKeyUsage eku = extensions == null ? null : ExtendedKeyUsage.fromExtensions(extensions);
        if (eku != null) {
            for (KeyPurposeId purpose : eku.getUsages()) {
                ekus.add(purposeName(purpose));
            }
        }
        SubjectKeyIdentifier ski = extensions == null ? null : SubjectKeyIdentifier.fromExtensions(extensions);
        AuthorityKeyIdentifier aki = extensions == null ? null : AuthorityKeyIdentifier.fromExtensions(extensions);
        RDN[] cn = holder.getSubject().getRDNs(BCStyle.CN);
        String commonName =
                cn.length == 0 ? null : IETFUtils.valueToString(cn[0].getFirst().getValue());
        PublicKey key;
        try {
            key = new JcaX509CertificateConverter().getCertificate(holder).getPublicKey();
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateFileException("holds a certificate whose public key cannot be read");
        }
        int bits = key instanceof RSAPublicKey rsa
                ? rsa.getModulus().bitLength()
                : key instanceof ECPublicKey ec ? ec.getParams().getOrder().bitLength() : 0;
        String algorithm = key instanceof ECPublicKey ? "EC" : key.getAlgorithm();
        return new CertificateInfo(
                holder.getSubject(),
                holder.getIssuer(),
                ExchangeNames.format(holder.getSubject()),
                ExchangeNames.format(holder.getIssuer()),
                commonName,
                dns,
                crls,
                caIssuers,
                ocsp,
                holder.getNotBefore().toInstant(),
                holder.getNotAfter().toInstant(),
                algorithm,
                bits,
                new DefaultAlgorithmNameFinder().getAlgorithmName(holder.getSignatureAlgorithm()),
                ski == null ? null : HexFormat.of().formatHex(ski.getKeyIdentifier()),
                aki == null || aki.getKeyIdentifierOctets() == null
                        ? null
                        : HexFormat.of().formatHex(aki.getKeyIdentifierOctets()),
                ekus,
                thumbprint(holder),
                source);
    }

    private static String thumbprint(X509CertificateHolder holder) throws CertificateFileException {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(holder.getEncoded()));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new CertificateFileException("holds a certificate that cannot be encoded again");
        }
    }

    private static List<String> uris(GeneralNames names) {
        List<String> uris = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                ASN1Encodable value = name.getName();
                uris.add(ASN1IA5String.getInstance(value).getString());
            }
        }
        return uris;
    }

    private static String purposeName(KeyPurposeId purpose) {
        ASN1ObjectIdentifier oid = purpose.toOID();
        if (oid.equals(KeyPurposeId.id_kp_serverAuth.toOID())) {
            return "serverAuth";
        }
        if (oid.equals(KeyPurposeId.id_kp_clientAuth.toOID())) {
            return "clientAuth";
        }
        if (oid.equals(KeyPurposeId.id_kp_codeSigning.toOID())) {
            return "codeSigning";
        }
        return oid.getId();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
