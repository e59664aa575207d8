package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleDescriptor;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.hybrid.Connector;
import io.github.exchangecompliance.hybrid.HcwChoice;
import io.github.exchangecompliance.hybrid.HybridServers;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3002",
        name = "hcw-connector-ambiguous",
        severity = Severity.ERROR,
        precision = "high",
        summary = "Two or more connectors tie for HCW's choice on one server.",
        description = "When two connectors bound to TCP 25 fall in the same best tier by RemoteIPRanges, which one "
                + "the Hybrid Configuration Wizard configures is not determined by the repository: the result "
                + "differs between runs and between servers. Make one connector the clear choice (see HCW's "
                + "choice: " + RuleDescriptor.DOCS + "hcw.html).",
        sources = {RuleDescriptor.DOCS + "hcw.html"})
public final class HcwConnectorAmbiguous implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        for (HybridServers.HybridServer hybrid : inspection.hybridServers()) {
            if (hybrid.choice() instanceof HcwChoice.Ambiguous tie) {
                Connector first = tie.connectors().get(0);
                out.report(
                        first.declared().location(),
                        "HCW's choice on " + hybrid.server().displayName()
                                + " is ambiguous: "
                                + String.join(
                                        ", ",
                                        tie.connectors().stream()
                                                .map(c -> "'" + c.name() + "'")
                                                .toList()) + " tie in "
                                + tie.tier().describe()
                                + "; change the RemoteIPRanges so that only the hybrid connector is in the best tier");
            }
        }
    }
}
