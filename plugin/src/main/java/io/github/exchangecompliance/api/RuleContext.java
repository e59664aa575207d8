package io.github.exchangecompliance.api;

import java.time.LocalDate;

/**
 * What some rules need besides the model: the date certificates and support are judged at (so a build can be
 * reproduced), how early EX2005 warns of an expiry, and the Microsoft 365 cloud when the build sets it.
 *
 * @param environment {@code Global}, {@code GCCHigh}, {@code DoD} or {@code China}; null to take the organization's
 */
public record RuleContext(LocalDate referenceDate, int certificateExpiryWarningDays, String environment) {

    public static RuleContext today() {
        return new RuleContext(LocalDate.now(java.time.ZoneOffset.UTC), 30, null);
    }

    public RuleContext(LocalDate referenceDate, int certificateExpiryWarningDays) {
        this(referenceDate, certificateExpiryWarningDays, null);
    }
}
