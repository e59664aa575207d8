package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX3011",
        name = "hybrid-send-source-servers",
        severity = Severity.WARNING,
        summary = "A source transport server of the send connector to Exchange Online is not a hybrid mail-flow "
                + "server, or has no SMTP certificate that is the hybrid certificate.",
        description = "HCW sets the connector's SourceTransportServers to the servers chosen for hybrid mail flow, "
                + "and each of them presents the certificate the connector's TlsCertificateName names: Exchange "
                + "finds it by issuer and subject in the sending server's own store ('454 4.7.5 The certificate "
                + "specified in TlsCertificateName of the SendConnector could not be found' on a server that lacks "
                + "it). A source server outside hybrid.mailFlowServers sends hybrid mail without being configured "
                + "for it. A server has the hybrid certificate when one of its certificates is the organization's "
                + "hybrid certificate, or has the same issuer and subject, and serves SMTP. Checked when the "
                + "organization names its hybrid mail-flow servers; the certificate part when the hybrid "
                + "certificate's file was read and the source server is declared.",
        sources = {
            "https://learn.microsoft.com/powershell/module/exchange/set-sendconnector",
            "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592"
        })
public final class HybridSendSourceServers implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        Organization.Hybrid hybrid =
                model.organization().map(Organization::hybrid).orElse(null);
        if (hybrid == null || hybrid.mailFlowServers().isEmpty()) {
            return;
        }
        List<String> mailFlow =
                hybrid.mailFlowServers().stream().map(Value::value).toList();
        HybridCertificateName hybridName = HybridCertificateName.of(model);
        for (SendConnector connector : inspection.exoSendConnectors()) {
            for (Value<String> source : connector.sourceTransportServers()) {
                String what = source.value() + ", a source server of the send connector to Exchange Online '"
                        + connector.name().value() + "', ";
                if (mailFlow.stream().noneMatch(s -> s.equalsIgnoreCase(source.value()))) {
                    out.report(
                            source.location(),
                            what + "is not a hybrid mail-flow server (hybrid.mailFlowServers: "
                                    + String.join(", ", mailFlow)
                                    + "); add it there or take it off the connector");
                    continue;
                }
                Optional<Server> server = model.servers().stream()
                        .filter(s -> s.displayName().equalsIgnoreCase(source.value()))
                        .findFirst();
                if (hybridName.expected().isPresent()
                        && server.isPresent()
                        && !hasHybridCertificate(
                                model, server.get(), hybridName.expected().get())) {
                    out.report(
                            source.location(),
                            what + "has no SMTP certificate that is the hybrid certificate "
                                    + hybridName.certificateName() + "; give it that certificate for SMTP");
                }
            }
        }
    }

    private static boolean hasHybridCertificate(InfraModel model, Server server, String expected) {
        for (Value<String> reference : server.spec().certificatesOrEmpty()) {
            Optional<CertificateChain> chain = model.chain(reference.value());
            if (chain.isPresent()
                    && chain.get().document().services().stream()
                            .anyMatch(s -> s.value().equals("SMTP"))
                    && chain.get().leaf().tlsCertificateName().equalsIgnoreCase(expected)) {
                return true;
            }
        }
        return false;
    }
}
