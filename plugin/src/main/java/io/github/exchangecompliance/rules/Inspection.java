package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.RuleContext;
import io.github.exchangecompliance.hybrid.ExoSendConnectors;
import io.github.exchangecompliance.hybrid.HybridServers;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.SendConnector;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the model and server rules inspect, worked out once a run and handed to each: the model, the run's
 * context, the servers the Hybrid Configuration Wizard works with (and the connector it picks on each), and every
 * certificate in a chain some server uses. Six rules read the hybrid servers and three the certificates; each
 * used to work them out again.
 *
 * @param hybridServers the hybrid mail-flow servers with HCW's choice, in the model's order
 * @param usedCertificates every certificate of a used chain, once each, in the order the chains name them
 * @param exoSendConnectors the send connectors to Exchange Online ({@link ExoSendConnectors})
 */
public record Inspection(
        InfraModel model,
        RuleContext context,
        List<HybridServers.HybridServer> hybridServers,
        List<CertificateInfo> usedCertificates,
        List<SendConnector> exoSendConnectors) {

    public Inspection {
        hybridServers = List.copyOf(hybridServers);
        usedCertificates = List.copyOf(usedCertificates);
        exoSendConnectors = List.copyOf(exoSendConnectors);
    }

    public static Inspection of(InfraModel model, RuleContext context) {
        Set<CertificateInfo> used = new LinkedHashSet<>();
        for (CertificateChain chain : model.usedChains()) {
            used.addAll(chain.chain());
        }
        return new Inspection(
                model,
                context,
                HybridServers.of(model),
                List.copyOf(used),
                ExoSendConnectors.of(model, HybridServers.environment(model, context)));
    }

    /** The Microsoft 365 cloud the hybrid organization is in: the build's setting, else the organization's. */
    public String environment() {
        return HybridServers.environment(model, context);
    }
}
