package io.github.exchangecompliance.model;

import java.time.LocalDate;

/**
 * An Exchange Server cumulative update (or SE release), as the version table knows it.
 *
 * @param product {@code 2013}, {@code 2016}, {@code 2019} or {@code SE}
 * @param update {@code CU14}, {@code RTM}, ...
 * @param updateNumber the CU's number, 0 for RTM
 * @param buildShort {@code major.minor.build}, shared by the CU and its security and hotfix updates
 */
public record ExchangeVersion(
        String product, String update, int updateNumber, String buildShort, LocalDate releaseDate) {

    /** {@code 15.0}, {@code 15.1} or {@code 15.2}: the version public folders and users are compared by. */
    public String majorMinor() {
        int second = buildShort.indexOf('.', buildShort.indexOf('.') + 1);
        return buildShort.substring(0, second);
    }

    public boolean isSubscriptionEdition() {
        return "SE".equals(product);
    }

    /** Exchange 2019 CU15 or later, or SE: the builds that support TLS 1.3 (on Windows Server 2022 and 2025). */
    public boolean supportsTls13() {
        return isSubscriptionEdition() || ("2019".equals(product) && updateNumber >= 15);
    }

    public String label() {
        return "Exchange " + product + " " + update;
    }
}
