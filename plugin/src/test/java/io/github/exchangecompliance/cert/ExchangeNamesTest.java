package io.github.exchangecompliance.cert;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** The known TlsCertificateName strings of DOMAIN.md section 4.4, rebuilt from names encoded as X.500 encodes them. */
class ExchangeNamesTest {

    /** Builds a name from its parts in encoding order: the country first, the common name last. */
    private static X500Name name(Object... typesAndValues) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (int i = 0; i < typesAndValues.length; i += 2) {
            builder.addRDN((ASN1ObjectIdentifier) typesAndValues[i], (String) typesAndValues[i + 1]);
        }
        return builder.build();
    }

    @Test
    void geoTrustHybridCertificateFromHealthCheckerTests() {
        X500Name issuer = name(
                BCStyle.C,
                "US",
                BCStyle.O,
                "DigiCert Inc",
                BCStyle.OU,
                "www.digicert.com",
                BCStyle.CN,
                "GeoTrust TLS RSA CA G1");
        X500Name subject = name(BCStyle.CN, "mail.contoso.com");
        assertThat(ExchangeNames.tlsCertificateName(issuer, subject))
                .isEqualTo(
                        "<I>CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US<S>CN=mail.contoso.com");
    }

    @Test
    void sectigoIssuerUsesSForTheState() {
        X500Name issuer = name(
                BCStyle.C,
                "GB",
                BCStyle.ST,
                "Greater Manchester",
                BCStyle.L,
                "Salford",
                BCStyle.O,
                "Sectigo Limited",
                BCStyle.CN,
                "Sectigo RSA Domain Validation Secure Server CA");
        assertThat(ExchangeNames.format(issuer))
                .isEqualTo("CN=Sectigo RSA Domain Validation Secure Server CA, "
                        + "O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB");
    }

    @Test
    void aValueWithACommaIsQuoted() {
        X500Name subject =
                name(BCStyle.C, "US", BCStyle.ST, "Arizona", BCStyle.L, "Scottsdale", BCStyle.O, "Gomommy.com, Inc.");
        assertThat(ExchangeNames.format(subject)).isEqualTo("O=\"Gomommy.com, Inc.\", L=Scottsdale, S=Arizona, C=US");
    }

    @Test
    void quotesAreDoubledAndEmptyOrSpacedValuesQuoted() {
        assertThat(ExchangeNames.quote("thawte \"premium\"")).isEqualTo("\"thawte \"\"premium\"\"\"");
        assertThat(ExchangeNames.quote("")).isEqualTo("\"\"");
        assertThat(ExchangeNames.quote(" leading")).isEqualTo("\" leading\"");
        assertThat(ExchangeNames.quote("two  spaces")).isEqualTo("two  spaces");
        assertThat(ExchangeNames.quote("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void multiValuedPartsAndUnknownAttributes() {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        builder.addRDN(BCStyle.C, "US");
        builder.addMultiValuedRDN(new ASN1ObjectIdentifier[] {BCStyle.O, BCStyle.OU}, new String[] {"Contoso", "IT"});
        builder.addRDN(BCStyle.SERIALNUMBER, "1234");
        builder.addRDN(BCStyle.E, "pki@contoso.com");
        builder.addRDN(BCStyle.DC, "contoso");
        // Windows reverses the order of the parts, not of the values inside one part, which keep their encoded
        // order (DER sorts a multi-valued part's set by encoding).
        assertThat(ExchangeNames.format(builder.build()))
                .isEqualTo("DC=contoso, E=pki@contoso.com, SERIALNUMBER=1234, OU=IT + O=Contoso, C=US");
    }

    @Test
    void anExtendedValidationSubjectAsWindowsPrintsIt() {
        // The subject .NET's X500DistinguishedName tests expect on Windows, with an attribute Windows has no name
        // for (businessCategory) printed by its OID.
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        builder.addRDN(BCStyle.BUSINESS_CATEGORY, "Private Organization");
        builder.addRDN(BCStyle.SERIALNUMBER, "600413485");
        builder.addRDN(BCStyle.C, "US");
        builder.addRDN(BCStyle.POSTAL_CODE, "98052");
        builder.addRDN(BCStyle.ST, "Washington");
        builder.addRDN(BCStyle.L, "Redmond");
        builder.addRDN(BCStyle.STREET, "1 Microsoft Way");
        builder.addRDN(BCStyle.O, "Microsoft Corporation");
        builder.addRDN(BCStyle.OU, "MSCOM");
        builder.addRDN(BCStyle.CN, "www.microsoft.com");
        assertThat(ExchangeNames.format(builder.build()))
                .isEqualTo("CN=www.microsoft.com, OU=MSCOM, "
                        + "O=Microsoft Corporation, STREET=1 Microsoft Way, L=Redmond, S=Washington, PostalCode=98052, C=US, "
                        + "SERIALNUMBER=600413485, OID.2.5.4.15=Private Organization");
    }
}
