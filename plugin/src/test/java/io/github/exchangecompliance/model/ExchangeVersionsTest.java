package io.github.exchangecompliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md decision 10: the builds the table must contain, security updates mapping to their CU, and names. */
class ExchangeVersionsTest {

    @ParameterizedTest
    @CsvSource({
        "15.0.1497.2, 2013, CU23, 15.0",
        "15.1.2507.6, 2016, CU23, 15.1",
        "15.2.1544.4, 2019, CU14, 15.2",
        "15.2.1544.39, 2019, CU14, 15.2",
        "15.2.1544, 2019, CU14, 15.2",
        "15.02.1544.004, 2019, CU14, 15.2",
        "15.01.2507.006, 2016, CU23, 15.1",
        "'Version 15.2 (Build 1748.10)', 2019, CU15, 15.2",
        "15.2.1748.10, 2019, CU15, 15.2",
        "15.2.2562.17, SE, RTM, 15.2",
        "15.2.2562.99, SE, RTM, 15.2",
        "2019 CU14, 2019, CU14, 15.2",
        "Exchange 2019 CU15, 2019, CU15, 15.2",
        "SE RTM, SE, RTM, 15.2",
        "Exchange Server SE RTM, SE, RTM, 15.2",
        "se rtm, SE, RTM, 15.2",
        "2016 cu 23, 2016, CU23, 15.1"
    })
    void findsTheCumulativeUpdate(String written, String product, String update, String majorMinor) {
        ExchangeVersion version = ExchangeVersions.bundled().find(written).orElseThrow();
        assertThat(version.product()).isEqualTo(product);
        assertThat(version.update()).isEqualTo(update);
        assertThat(version.majorMinor()).isEqualTo(majorMinor);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "15.2.9999.1",
                "2019 CU99",
                "SE CU7",
                "Exchange",
                "latest",
                "15.2",
                "15.2.1544.4.1",
                "Version 15.2",
                "999999999999.2.1544.4"
            })
    void doesNotGuess(String written) {
        assertThat(ExchangeVersions.bundled().find(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2019 CU16, true",
        "2016 CU24, true",
        "2013 CU25, true",
        "15.1.9999.1, true",
        "15.2.9999.1, false",
        "SE CU9, false"
    })
    void aVersionBeyondTheTableIsNamed(String written, boolean endedLine) {
        assertThat(ExchangeVersions.bundled().beyond(written))
                .hasValueSatisfying(beyond -> assertThat(beyond.endedLine()).isEqualTo(endedLine));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019 CU15", "15.2.1748.10", "2016 CU1", "15.1.225.16", "SE RTM", "2019 RTM"})
    void aVersionTheTableListsOrPrecedesIsNotBeyondIt(String written) {
        assertThat(ExchangeVersions.bundled().beyond(written)).isEmpty();
    }
}
