package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3010",
        name = "hybrid-send-connector-tls",
        severity = Severity.ERROR,
        breaksService = true,
        summary = "The send connector to Exchange Online does not have cloudServicesMailEnabled and requireTls true, "
                + "and tlsAuthLevel DomainValidation with the cloud's tlsDomain (or CertificateValidation).",
        description = "HCW creates the connector to Exchange Online with CloudServicesMailEnabled, RequireTLS, "
                + "TlsAuthLevel DomainValidation and TlsDomain mail.protection.outlook.com (the Exchange Team's "
                + "hybrid TLS article). Without CloudServicesMailEnabled, Exchange strips the cross-premises headers "
                + "hybrid mail needs, and HealthChecker's ExoConnectorCheck reports the connector as misconfigured; it "
                + "warns when TlsAuthLevel is neither CertificateValidation nor DomainValidation, and when "
                + "DomainValidation checks another domain than the cloud's. RequireTLS keeps mail from leaving in "
                + "clear text when STARTTLS fails. The cloud's domain follows environment, as for EX3004: "
                + "mail.protection.outlook.com (Global), mail.protection.office365.us (GCCHigh, DoD), "
                + "mail.protection.partner.outlook.cn (China). A value the repository does not declare is reported "
                + "too: Set-SendConnector's defaults are false and EncryptionOnly, and the plugin does not assume "
                + "what the server has. One finding per value to change.",
        sources = {
            "https://learn.microsoft.com/powershell/module/exchange/set-sendconnector",
            "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
            "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/ExoConnectorCheck/"
        })
public final class HybridSendConnectorTls implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        String cloudDomain = HybridServers.cloudDomain(inspection.environment());
        for (SendConnector connector : inspection.exoSendConnectors()) {
            String where =
                    "the send connector to Exchange Online '" + connector.name().value() + "'";
            mustBeTrue(connector, connector.cloudServicesMailEnabled(), "cloudServicesMailEnabled", where, out);
            mustBeTrue(connector, connector.requireTls(), "requireTls", where, out);
            Value<String> level = connector.tlsAuthLevel();
            String wanted = "; set it to DomainValidation with tlsDomain " + cloudDomain;
            if (level == null) {
                out.report(connector.location(), where + " does not declare tlsAuthLevel" + wanted);
            } else if (level.value().equals("DomainValidation")) {
                Value<String> domain = connector.tlsDomain();
                if (domain == null || domain.value().isBlank()) {
                    out.report(
                            level.location(),
                            where + " validates the domain but declares no tlsDomain; set tlsDomain to " + cloudDomain);
                } else if (!domain.value().strip().equalsIgnoreCase(cloudDomain)) {
                    out.report(
                            domain.location(),
                            where + " validates the domain " + domain.value() + ", not " + cloudDomain
                                    + ", the domain of Exchange Online's certificate in the " + inspection.environment()
                                    + " cloud; set tlsDomain to " + cloudDomain);
                }
            } else if (!level.value().equals("CertificateValidation")) {
                out.report(
                        level.location(),
                        where + " has tlsAuthLevel " + level.value()
                                + ", which does not check Exchange Online's certificate" + wanted);
            }
        }
    }

    private static void mustBeTrue(
            SendConnector connector, Value<Boolean> value, String field, String where, Reporter out) {
        if (value == null) {
            out.report(connector.location(), where + " does not declare " + field + "; set it to true");
        } else if (!Boolean.TRUE.equals(value.value())) {
            out.report(value.location(), where + " has " + field + " false; set it to true");
        }
    }
}
