package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.model.Value;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3003",
        name = "hybrid-tls-certificate-name",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "The hybrid connector's tlsCertificateName is missing, malformed, or not <I>issuer<S>subject of "
                + "the organization's hybrid certificate as Exchange formats it.",
        description = "Exchange Online authenticates the on-premises server by the certificate named in the "
                + "receive connector's TlsCertificateName, written '<I>X.500Issuer<S>X.500Subject' with the names "
                + "as Windows prints them (most specific part first, S for a state, PostalCode and SERIALNUMBER "
                + "by name, other attributes without a Windows name as OID.n, quotes around values with a "
                + "comma). HealthChecker: 'There is no TlsCertificateName configured for this cloud mail enabled "
                + "connector. This will cause mail flow issues in hybrid scenarios.' The message gives the exact "
                + "expected string, built from the hybrid certificate's file. The tags and names are compared "
                + "without regard to case, as Exchange compares them. The hybrid connector is the one HCW picks "
                + "(see HCW's choice: " + RuleDescriptor.DOCS + "hcw.html).",
        sources = {
            "https://learn.microsoft.com/powershell/module/exchange/set-receiveconnector",
            "https://aka.ms/HC-HybridConnector",
            RuleDescriptor.DOCS + "hcw.html"
        })
public final class HybridTlsCertificateName implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        HybridCertificateName hybridName = HybridCertificateName.of(inspection.model());
        for (HybridServers.HybridServer hybrid : inspection.hybridServers()) {
            if (!hybrid.picked()) {
                continue;
            }
            Connector connector = hybrid.connector();
            Value<String> name = connector.declared().tlsCertificateName();
            String where = "the hybrid connector '" + connector.name() + "' on "
                    + hybrid.server().displayName();
            hybridName.check(name, connector.declared().location(), where, out);
        }
    }
}
