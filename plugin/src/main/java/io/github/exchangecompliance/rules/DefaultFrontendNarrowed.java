package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HcwChoice;
import io.github.exchangecompliance.model.Server;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3008",
        name = "default-frontend-narrowed",
        severity = Severity.WARNING,
        summary = "The 'Default Frontend <server>' connector's remote ranges no longer include both IPv4-all and "
                + "IPv6-all (this changes which connector HCW picks).",
        description = "Exchange creates 'Default Frontend <server>' on port 25 with RemoteIPRanges "
                + "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff and 0.0.0.0-255.255.255.255: the Internet's way in, "
                + "and HCW's first choice. Narrowed, it drops out of HCW's first tier, and HCW may configure a relay "
                + "or hub connector instead (EX3001). Leave it open to every address and restrict other "
                + "connectors instead (see HCW's choice: " + RuleDescriptor.DOCS + "hcw.html).",
        sources = {
            "https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors",
            RuleDescriptor.DOCS + "hcw.html"
        })
public final class DefaultFrontendNarrowed implements ServerRule {

    @Override
    public void check(Server server, Inspection inspection, Reporter out) {
        String name = "Default Frontend " + server.displayName();
        // Only the default connector is read: reading every connector's addresses is the costly part.
        for (Connector connector : server.spec().connectorsOrEmpty().stream()
                .filter(c -> c.name() != null && c.name().value().equalsIgnoreCase(name))
                .map(Connector::of)
                .toList()) {
            if (connector.problems().isEmpty()
                    && !connector.declared().remoteIPRanges().isEmpty()
                    && !(connector.includesAll(false) && connector.includesAll(true))) {
                out.report(
                        connector.declared().remoteIPRanges().get(0).location(),
                        "'" + connector.name()
                                + "' no longer accepts every address (" + HcwChoice.describe(connector) + "); restore "
                                + "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff and 0.0.0.0-255.255.255.255, or HCW may pick "
                                + "another connector");
            }
        }
    }
}
