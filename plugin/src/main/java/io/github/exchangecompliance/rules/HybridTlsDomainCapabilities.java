package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Locale;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3004",
        name = "hybrid-tls-domain-capabilities",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "The hybrid connector's tlsDomainCapabilities lacks <cloud domain>:AcceptCloudServicesMail (on "
                + "Edge servers <cloud domain>:AcceptOorgProtocol is accepted too).",
        description = "Without the capability for Exchange Online's domain, mail from Exchange Online is not "
                + "treated as internal to the organization (attribution, headers, anti-spam). HCW writes "
                + "mail.protection.outlook.com:AcceptCloudServicesMail on the connector it configures; the cloud "
                + "domain depends on the Microsoft 365 environment: mail.protection.outlook.com (Global), "
                + "mail.protection.office365.us (GCCHigh, DoD), mail.protection.partner.outlook.cn (China), taken "
                + "from the environment parameter, else the organization's environment, else Global. Microsoft's "
                + "Edge article uses AcceptOorgProtocol, accepted on Edge servers only (see HCW's choice: "
                + RuleDescriptor.DOCS + "hcw.html).",
        sources = {
            "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
            "https://learn.microsoft.com/exchange/hybrid-deployment/edge-transport-servers",
            RuleDescriptor.DOCS + "hcw.html"
        })
public final class HybridTlsDomainCapabilities implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        String domain = HybridServers.cloudDomain(inspection.environment());
        for (HybridServers.HybridServer hybrid : inspection.hybridServers()) {
            if (!hybrid.picked()) {
                continue;
            }
            Connector connector = hybrid.connector();
            List<String> accepted = hybrid.server().isEdge()
                    ? List.of("AcceptCloudServicesMail", "AcceptOorgProtocol")
                    : List.of("AcceptCloudServicesMail");
            List<Value<String>> capabilities = connector.declared().tlsDomainCapabilities();
            boolean ok = capabilities.stream().anyMatch(c -> grants(c.value(), domain, accepted));
            if (!ok) {
                out.report(
                        capabilities.isEmpty()
                                ? connector.declared().location()
                                : capabilities.get(0).location(),
                        "the hybrid connector '" + connector.name() + "' on "
                                + hybrid.server().displayName() + " lacks " + domain
                                + ":AcceptCloudServicesMail in tlsDomainCapabilities; add it");
            }
        }
    }

    /** {@code domain:Capability1,Capability2}, compared without regard to case. */
    static boolean grants(String entry, String domain, List<String> accepted) {
        int colon = entry.indexOf(':');
        if (colon < 0 || !entry.substring(0, colon).strip().equalsIgnoreCase(domain)) {
            return false;
        }
        for (String capability : entry.substring(colon + 1).split(",")) {
            if (accepted.stream()
                    .anyMatch(a ->
                            a.toLowerCase(Locale.ROOT).equals(capability.strip().toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }
}
