package io.github.exchangecompliance.engine;

import java.time.LocalDate;

/**
 * What some rules need besides the model: the date certificates are judged at (so a build can be reproduced)
 * and how early EX2005 warns of an expiry.
 */
public record RuleContext(LocalDate referenceDate, int certificateExpiryWarningDays) {

    public static RuleContext today() {
        return new RuleContext(LocalDate.now(java.time.ZoneOffset.UTC), 30);
    }
}
