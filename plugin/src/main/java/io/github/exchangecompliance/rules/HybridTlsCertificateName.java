package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.Value;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final Pattern SYNTAX = Pattern.compile("(?is)<I>.+<S>.+");

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        Optional<CertificateChain> certificate = model.organization()
                .map(Organization::hybrid)
                .map(Organization.Hybrid::certificate)
                .flatMap(c -> model.chain(c.value()));
        String expected = certificate.map(c -> c.leaf().tlsCertificateName()).orElse(null);
        for (HybridServers.HybridServer hybrid : inspection.hybridServers()) {
            if (!hybrid.picked()) {
                continue;
            }
            Connector connector = hybrid.connector();
            Value<String> name = connector.declared().tlsCertificateName();
            String where = "the hybrid connector '" + connector.name() + "' on "
                    + hybrid.server().displayName();
            String fix = expected == null ? "" : "; set it to " + expected;
            if (name == null || name.value().isBlank()) {
                out.report(connector.declared().location(), where + " has no tlsCertificateName" + fix);
            } else if (!SYNTAX.matcher(name.value()).matches()) {
                out.report(
                        name.location(), "the tlsCertificateName of " + where + " is not '<I>issuer<S>subject'" + fix);
            } else if (expected != null
                    && !name.value().strip().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
                out.report(
                        name.location(),
                        "the tlsCertificateName of " + where + " does not name the hybrid certificate "
                                + certificate.get().name() + fix);
            }
        }
    }
}
