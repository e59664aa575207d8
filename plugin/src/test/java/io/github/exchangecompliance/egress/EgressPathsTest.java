package io.github.exchangecompliance.egress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EgressPathsTest {

    @Test
    void hostPatterns() {
        assertThat(EgressPaths.hostMatches("*", "crl3.digicert.com")).isTrue();
        assertThat(EgressPaths.hostMatches("*.digicert.com", "crl3.digicert.com"))
                .isTrue();
        assertThat(EgressPaths.hostMatches("*.digicert.com", "a.b.digicert.com"))
                .isTrue();
        assertThat(EgressPaths.hostMatches("*.digicert.com", "digicert.com")).isFalse();
        assertThat(EgressPaths.hostMatches("*.digicert.com", "evildigicert.com"))
                .isFalse();
        assertThat(EgressPaths.hostMatches("CRL3.DigiCert.com", "crl3.digicert.com"))
                .isTrue();
        assertThat(EgressPaths.hostMatches("crl3.digicert.com", "crl4.digicert.com"))
                .isFalse();
    }

    @Test
    void endpointsFromUrlsAndNetshProxies() {
        assertThat(Endpoint.ofUrl("http://crl3.digicert.com/x.crl")).contains(new Endpoint("crl3.digicert.com", 80));
        assertThat(Endpoint.ofUrl("https://officeclient.microsoft.com/"))
                .contains(new Endpoint("officeclient.microsoft.com", 443));
        assertThat(Endpoint.ofUrl("ldap:///CN=x")).isEmpty();
        assertThat(Endpoint.ofProxy("proxy.contoso.com:8080")).contains(new Endpoint("proxy.contoso.com", 8080));
        assertThat(Endpoint.ofProxy("http://Proxy.contoso.com:3128/"))
                .contains(new Endpoint("proxy.contoso.com", 3128));
        assertThat(Endpoint.ofProxy("proxy.contoso.com")).contains(new Endpoint("proxy.contoso.com", 80));
        assertThat(Endpoint.ofProxy("http=a:1;https=b:2")).isEmpty();
    }
}
