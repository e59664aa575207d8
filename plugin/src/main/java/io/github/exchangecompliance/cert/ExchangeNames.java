package io.github.exchangecompliance.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Issuer and subject names as Exchange and .NET print them ({@code X509Certificate2.Issuer}, which is Windows'
 * {@code CertNameToStr} with {@code CERT_X500_NAME_STR | CERT_NAME_STR_REVERSE_FLAG}): the most specific part
 * first ({@code CN=mail.contoso.com, O=Contoso, C=US}), Windows' attribute names ({@code S} for a state, not
 * {@code ST}), {@code ", "} between parts, {@code " + "} inside a multi-valued part, and values quoted when they
 * hold a separator (DOMAIN.md section 4.4). This is the text of a receive connector's {@code TlsCertificateName}.
 */
public final class ExchangeNames {

    private static final Map<ASN1ObjectIdentifier, String> KEYS = Map.ofEntries(
            Map.entry(BCStyle.CN, "CN"),
            Map.entry(BCStyle.L, "L"),
            Map.entry(BCStyle.O, "O"),
            Map.entry(BCStyle.OU, "OU"),
            Map.entry(BCStyle.E, "E"),
            Map.entry(BCStyle.C, "C"),
            Map.entry(BCStyle.ST, "S"),
            Map.entry(BCStyle.STREET, "STREET"),
            Map.entry(BCStyle.T, "T"),
            Map.entry(BCStyle.GIVENNAME, "G"),
            Map.entry(BCStyle.INITIALS, "I"),
            Map.entry(BCStyle.SURNAME, "SN"),
            Map.entry(BCStyle.DC, "DC"),
            // Not in CertStrToName's key table, yet Windows names them (DOMAIN.md 4.4 guessed OID.2.5.4.5; .NET's
            // tests of X500DistinguishedName on Windows expect "PostalCode=98052, C=US, SERIALNUMBER=600413485").
            Map.entry(BCStyle.SERIALNUMBER, "SERIALNUMBER"),
            Map.entry(BCStyle.POSTAL_CODE, "PostalCode"));

    private ExchangeNames() {}

    /** {@code <I>issuer<S>subject}, the value Exchange expects in {@code TlsCertificateName}. */
    public static String tlsCertificateName(X500Name issuer, X500Name subject) {
        return "<I>" + format(issuer) + "<S>" + format(subject);
    }

    public static String format(X500Name name) {
        RDN[] rdns = name.getRDNs();
        List<String> parts = new ArrayList<>();
        for (int i = rdns.length - 1; i >= 0; i--) {
            List<String> values = new ArrayList<>();
            for (AttributeTypeAndValue attribute : rdns[i].getTypesAndValues()) {
                values.add(key(attribute.getType()) + "=" + quote(text(attribute)));
            }
            parts.add(String.join(" + ", values));
        }
        return String.join(", ", parts);
    }

    private static String key(ASN1ObjectIdentifier oid) {
        String key = KEYS.get(oid);
        return key != null ? key : "OID." + oid.getId();
    }

    private static String text(AttributeTypeAndValue attribute) {
        return attribute.getValue() instanceof ASN1String s
                ? s.getString()
                : attribute.getValue().toString();
    }

    /**
     * CertNameToStr quotes a value that is empty, starts or ends with white space, or holds one of
     * {@code , + = " \n < > # ;}; a quotation mark inside is doubled.
     */
    static String quote(String value) {
        boolean quote = value.isEmpty()
                || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (",+=\"\n<>#;".indexOf(c) >= 0) {
                quote = true;
            }
        }
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
