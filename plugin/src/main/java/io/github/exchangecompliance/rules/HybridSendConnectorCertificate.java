package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3009",
        name = "hybrid-send-connector-certificate",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "The send connector to Exchange Online has a tlsCertificateName that is missing, malformed, or not "
                + "<I>issuer<S>subject of the hybrid certificate.",
        description = "Mail to Exchange Online leaves through the send connector HCW created ('Outbound to Office 365 "
                + "- <GUID>'), and Exchange presents the certificate its TlsCertificateName names; Exchange Online "
                + "attributes the mail to the tenant by that certificate. When the hybrid certificate is renewed "
                + "from a new issuing CA, the receive connector is often fixed and the send connector forgotten: "
                + "'454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be "
                + "found' on premises, '550 5.7.51 TenantInboundAttribution' in Exchange Online. HealthChecker's "
                + "ExoConnectorCheck reports a connector to Exchange Online without TlsCertificateName as "
                + "misconfigured. The expected string is computed exactly as for EX3003, from the hybrid "
                + "certificate's file, and compared without regard to case. The connector to Exchange Online is the "
                + "send connector marked hybrid: true, else every one whose address space is *.mail.onmicrosoft.com "
                + "or whose smart host is *.mail.protection.<cloud> of the organization's cloud (one marked hybrid: "
                + "false is left out).",
        sources = {
            "https://learn.microsoft.com/powershell/module/exchange/set-sendconnector",
            "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
            "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/ExoConnectorCheck/",
            RuleDescriptor.DOCS + "hcw.html"
        })
public final class HybridSendConnectorCertificate implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        HybridCertificateName hybridName = HybridCertificateName.of(inspection.model());
        for (SendConnector connector : inspection.exoSendConnectors()) {
            Value<String> name = connector.tlsCertificateName();
            String where =
                    "the send connector to Exchange Online '" + connector.name().value() + "'";
            hybridName.check(name, connector.location(), where, out);
        }
    }
}
