package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.RegistryKey;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2002",
        name = "revocation-check-disabled",
        severity = Severity.ERROR,
        summary = "The repository turns certificate-revocation checking off.",
        description = "A common workaround for slow starts or Event 1008 on servers without outbound HTTP is to "
                + "set the WinTrust 'Software Publishing' State to 0x23e00, whose bit 0x200 tells Windows to ignore "
                + "revocation. The Emergency Mitigation Service validates the signer chain of the mitigation XML, "
                + "and hybrid TLS validates certificates; with revocation ignored, a revoked certificate passes. "
                + "Make the CRL endpoints reachable instead (EX2001) and restore the default 0x23c00. The bit is "
                + "checked under any hive (it is usually set in a service account's HKCU or HKU).",
        sources = {
            "https://blogs.technet.microsoft.com/exchange/2010/05/14/configuring-exchange-servers-without-internet-access/",
            "http://support.microsoft.com/kb/944752",
            "http://andreslozada.blogspot.com/2009/12/exchange-2010-rollup1-this-process-can.html"
        })
public final class RevocationCheckDisabled implements KeyRule {

    private static final String SOFTWARE_PUBLISHING =
            "software\\microsoft\\windows\\currentversion\\wintrust\\trust providers\\software publishing";
    private static final long IGNORE_REVOCATION = 0x200;

    @Override
    public void check(RegistryKey key, Reporter out) {
        if (!key.path().matchKey().endsWith(SOFTWARE_PUBLISHING)) {
            return;
        }
        key.value("State")
                .filter(v -> v.isDword() && (v.number() & IGNORE_REVOCATION) != 0)
                .ifPresent(v -> out.report(
                        v.location(),
                        "State is " + v.text() + " under " + key.path()
                                + ": bit 0x200 makes Windows ignore certificate revocation; set it to 0x23c00 and make "
                                + "the CRL endpoints reachable instead"));
    }
}
