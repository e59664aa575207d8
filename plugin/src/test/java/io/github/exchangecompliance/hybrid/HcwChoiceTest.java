package io.github.exchangecompliance.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.Value;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HCW's choice. The enterprise of DOMAIN.md section 0: five forests whose servers had different connector sets,
 * some TCP 25 connectors in frontend and some in hub transport.
 */
class HcwChoiceTest {

    private static final String V6_ALL = "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    private static final String V4_ALL = "0.0.0.0-255.255.255.255";
    private static final Location AT = Location.startOf(Path.of("x.yaml"));

    private static Value<String> v(String text) {
        return Value.of(text, AT);
    }

    private static Connector connector(String name, String role, String bindings, String... ranges) {
        List<Value<String>> b =
                Arrays.stream(bindings.split(",")).map(HcwChoiceTest::v).toList();
        List<Value<String>> r = Arrays.stream(ranges).map(HcwChoiceTest::v).toList();
        return Connector.of(new ReceiveConnector(v(name), v(role), b, r, null, List.of(), null, null, AT));
    }

    private static String choice(Connector... connectors) {
        HcwChoice.Choice choice = HcwChoice.choose(List.of(connectors));
        if (choice instanceof HcwChoice.Picked picked) {
            return picked.connector().name() + " (tier " + picked.tier().number() + ")";
        }
        if (choice instanceof HcwChoice.Ambiguous tie) {
            return "tie in tier " + tie.tier().number() + ": "
                    + String.join(
                            ", ", tie.connectors().stream().map(Connector::name).toList());
        }
        return "none: " + ((HcwChoice.Impossible) choice).why();
    }

    @Test
    void development_defaultFrontendLeftAloneWinsOverAHubRelay() {
        assertThat(choice(
                        connector("Default Frontend DEV01", "FrontendTransport", "0.0.0.0:25,[::]:25", V6_ALL, V4_ALL),
                        connector("Relay DEV01", "HubTransport", "0.0.0.0:25", V4_ALL)))
                .isEqualTo("Default Frontend DEV01 (tier 1)");
    }

    @Test
    void testing_narrowedToIpv4AllStillBeatsIpv6All() {
        assertThat(choice(
                        connector("Default Frontend TST01", "FrontendTransport", "0.0.0.0:25", V4_ALL),
                        connector("Relay TST01", "HubTransport", "[::]:25", V6_ALL)))
                .isEqualTo("Default Frontend TST01 (tier 2)");
    }

    @Test
    void staging_aHubConnectorWithOneIpv6AndOneIpv4BeatsANarrowedFrontend() {
        assertThat(choice(
                        connector("Default Frontend STG01", "FrontendTransport", "0.0.0.0:25", "40.92.0.0/15"),
                        connector("Application STG01", "HubTransport", "0.0.0.0:25", "2001:db8::10", "10.20.0.0/16")))
                .isEqualTo("Application STG01 (tier 4)");
    }

    @Test
    void preProduction_onlyPort25Counts() {
        assertThat(choice(
                        connector("Default Frontend PRE01", "FrontendTransport", "0.0.0.0:2525", V6_ALL, V4_ALL),
                        connector("Hub PRE01", "HubTransport", "[::]:25", "::/0")))
                .isEqualTo("Hub PRE01 (tier 3)");
    }

    @Test
    void production_twoConnectorsInTheBestTierTie() {
        assertThat(choice(
                        connector("Default Frontend PRD01", "FrontendTransport", "0.0.0.0:25", "0.0.0.0/0"),
                        connector("Hybrid PRD01", "FrontendTransport", "10.1.1.5:25", V4_ALL),
                        connector("Partner PRD01", "FrontendTransport", "10.1.1.6:25", "203.0.113.9")))
                .isEqualTo("tie in tier 2: Default Frontend PRD01, Hybrid PRD01");
    }

    @Test
    void everyTierInOrder() {
        Connector t1 = connector("T1", "FrontendTransport", "0.0.0.0:25", V6_ALL, V4_ALL);
        Connector t2 = connector("T2", "FrontendTransport", "0.0.0.0:25", V4_ALL);
        Connector t3 = connector("T3", "FrontendTransport", "0.0.0.0:25", V6_ALL);
        Connector t4 = connector("T4", "FrontendTransport", "0.0.0.0:25", "fe80::1", "10.0.0.1");
        Connector t5 = connector("T5", "FrontendTransport", "0.0.0.0:25", "10.0.0.0-10.0.0.255");
        assertThat(choice(t5, t4, t3, t2, t1)).isEqualTo("T1 (tier 1)");
        assertThat(choice(t5, t4, t3, t2)).isEqualTo("T2 (tier 2)");
        assertThat(choice(t5, t4, t3)).isEqualTo("T3 (tier 3)");
        assertThat(choice(t5, t4)).isEqualTo("T4 (tier 4)");
        assertThat(choice(t5)).isEqualTo("T5 (tier 5)");
    }

    @Test
    void connectorsInNoTier() {
        assertThat(choice(connector("Two IPv4", "FrontendTransport", "0.0.0.0:25", "10.0.0.1", "10.0.0.2")))
                .startsWith("none: none of the connectors bound to port 25 ('Two IPv4')");
        assertThat(choice(connector("IPv6 only", "FrontendTransport", "0.0.0.0:25", "2001:db8::1")))
                .startsWith("none:");
        assertThat(choice(connector("All and more", "FrontendTransport", "0.0.0.0:25", V6_ALL, V4_ALL, "10.0.0.1")))
                .startsWith("none:");
        assertThat(choice(connector("Submission", "FrontendTransport", "0.0.0.0:587", V6_ALL, V4_ALL)))
                .isEqualTo("none: no receive connector is bound to port 25");
        assertThat(choice(connector("Broken", "FrontendTransport", "0.0.0.0:25", "10.0.0.9-10.0.0.1")))
                .startsWith("none:");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0.0.0.0-255.255.255.255 | IPv4 | true",
                "0.0.0.0/0 | IPv4 | true",
                " 0.0.0.0/0  | IPv4 | true",
                "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | IPv6 | true",
                "::/0 | IPv6 | true",
                "0:0:0:0:0:0:0:0-FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF | IPv6 | true",
                "10.0.0.1 | IPv4 | false",
                "10.0.0.0/8 | IPv4 | false",
                "10.0.0.1/8 | IPv4 | false",
                "10.0.0.1-10.0.0.20 | IPv4 | false",
                "2001:db8::/32 | IPv6 | false",
                "2001:DB8::1 | IPv6 | false",
                "0.0.0.0-255.255.255.254 | IPv4 | false"
            })
    void remoteIpRangeSpellings(String text, String family, boolean all) {
        AddressRange range = (AddressRange) AddressRange.parse(v(text));
        assertThat(range.family()).isEqualTo(family);
        assertThat(range.all()).isEqualTo(all);
    }

    @Test
    void badRanges() {
        assertThat(AddressRange.parse(v("10.0.0.9-10.0.0.1"))).isInstanceOf(ValueProblem.class);
        assertThat(AddressRange.parse(v("10.0.0.1-::1"))).isInstanceOf(ValueProblem.class);
        assertThat(AddressRange.parse(v("10.0.0.0/33"))).isInstanceOf(ValueProblem.class);
        assertThat(AddressRange.parse(v("mail.contoso.com"))).isInstanceOf(ValueProblem.class);
        assertThat(AddressRange.parse(v(""))).isInstanceOf(ValueProblem.class);
    }

    @ParameterizedTest
    @CsvSource({
        "Global, mail.protection.outlook.com",
        "GCCHigh, mail.protection.office365.us",
        "DoD, mail.protection.office365.us",
        "China, mail.protection.partner.outlook.cn"
    })
    void cloudDomainByEnvironment(String environment, String domain) {
        assertThat(HybridServers.cloudDomain(environment)).isEqualTo(domain);
    }
}
