package io.github.exchangecompliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Release values Microsoft documents, and the supportability matrix as the data file holds it. */
class DotnetFrameworkTest {

    @ParameterizedTest
    @CsvSource({
        "378389, 4.5",
        "394806, 4.6.2",
        "461807, 4.7.1",
        "461814, 4.7.2",
        "528039, 4.7.2",
        "528040, 4.8",
        "528449, 4.8",
        "533320, 4.8.1",
        "533325, 4.8.1"
    })
    void aReleaseValueIsTheNewestVersionItReaches(long release, String version) {
        assertThat(DotnetFramework.ofRelease(release)).contains(version);
    }

    @Test
    void aReleaseBelow45IsNoVersionTheTableKnows() {
        assertThat(DotnetFramework.ofRelease(378388)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SE RTM | 4.8,4.8.1",
                "2019 CU15 | 4.8,4.8.1",
                "2019 CU12 | 4.8",
                "2019 CU8 | 4.8",
                "2016 CU23 | 4.8",
                "2016 CU20 | 4.8"
            })
    void eachUpdateSupportsWhatTheMatrixSays(String exchange, String versions) {
        ExchangeVersion version = ExchangeVersions.bundled().place(exchange).orElseThrow();
        assertThat(DotnetFramework.supportedBy(version)).isEqualTo(List.of(versions.split(",")));
    }

    @Test
    void versionsCompareInReleaseOrder() {
        assertThat(DotnetFramework.compare("4.7.2", "4.8")).isNegative();
        assertThat(DotnetFramework.compare("4.8.1", "4.8")).isPositive();
        assertThat(DotnetFramework.isKnown("4.9")).isFalse();
    }
}
