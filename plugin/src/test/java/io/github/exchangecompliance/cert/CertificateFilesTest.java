package io.github.exchangecompliance.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the test PKI's files: every format, every field the rules use, every way a file can be wrong. */
class CertificateFilesTest {

    private static final Path CERTS = TestPki.directory().resolve("certs");
    private static final Location AT = Location.startOf(Path.of("x.yaml"));

    private static List<CertificateInfo> read(String name) throws Exception {
        return CertificateFiles.read(CERTS.resolve(name), AT);
    }

    @Test
    void readsTheFieldsOfALeaf() throws Exception {
        CertificateInfo leaf = read("mail.pem").get(0);
        assertThat(leaf.subject()).isEqualTo("CN=mail.contoso.com, O=Contoso, C=US");
        assertThat(leaf.issuer()).isEqualTo(TestPki.ISSUING);
        assertThat(leaf.tlsCertificateName())
                .isEqualTo("<I>" + TestPki.ISSUING + "<S>CN=mail.contoso.com, O=Contoso, C=US");
        assertThat(leaf.dnsNames()).containsExactly("mail.contoso.com", "autodiscover.contoso.com");
        assertThat(leaf.crlUrls()).containsExactly(TestPki.ISSUING_CRL);
        assertThat(leaf.ocspUrls()).containsExactly(TestPki.OCSP);
        assertThat(leaf.caIssuerUrls()).containsExactly(TestPki.ISSUING_AIA);
        assertThat(leaf.extendedKeyUsages()).containsExactly("serverAuth");
        assertThat(leaf.keyAlgorithm()).isEqualTo("RSA");
        assertThat(leaf.keyBits()).isEqualTo(2048);
        assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256WITHRSA");
        assertThat(leaf.isSelfIssued()).isFalse();
        assertThat(leaf.notAfter().toString()).isEqualTo("2027-06-30T00:00:00Z");
    }

    @Test
    void readsEveryFormat() throws Exception {
        assertThat(read("mail.cer")).hasSize(1);
        assertThat(read("mail-with-chain.pem"))
                .extracting(CertificateInfo::displayName)
                .containsExactly("mail.contoso.com", "Contoso Issuing CA 1", "Contoso Test Root CA");
        assertThat(read("chain.p7b"))
                .extracting(CertificateInfo::displayName)
                .containsExactlyInAnyOrder("Contoso Issuing CA 1", "Contoso Test Root CA");
        assertThat(read("ec.pem").get(0)).satisfies(c -> {
            assertThat(c.keyAlgorithm()).isEqualTo("EC");
            assertThat(c.keyBits()).isEqualTo(256);
        });
        assertThat(read("weak.pem").get(0).keyBits()).isEqualTo(1024);
        assertThat(read("sha1.pem").get(0).hasWeakSignature()).isTrue();
    }

    @Test
    void buildsChainsByKeyIdentifier() throws Exception {
        List<CertificateInfo> all = read("mail-with-chain.pem");
        List<CertificateInfo> shuffled = List.of(all.get(2), all.get(0), all.get(1));
        assertThat(CertificateChain.build(all.get(0), shuffled))
                .extracting(CertificateInfo::displayName)
                .containsExactly("mail.contoso.com", "Contoso Issuing CA 1", "Contoso Test Root CA");
        assertThat(all.get(2).isSelfIssued()).isTrue();
        assertThat(CertificateChain.build(all.get(0), List.of(all.get(0)))).hasSize(1);
    }

    @Test
    void explainsWhatIsWrongWithAFile() {
        assertThatThrownBy(() -> read("nowhere.pem")).hasMessage("does not exist");
        assertThatThrownBy(() -> read("mail.pfx"))
                .hasMessageStartingWith("is a PKCS#12 (.pfx) store, which needs a password");
        assertThatThrownBy(() -> read("garbage.cer")).hasMessage("is not a certificate (PEM, DER, CER or PKCS#7)");
        assertThatThrownBy(() -> read("not-a-certificate.pem")).hasMessageStartingWith("is not a certificate");
    }
}
