package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.RuleInfo;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.Certificate;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** See {@link RuleInfo}. */
@RuleInfo(
        id = "EX2007",
        name = "certificate-names",
        severity = Severity.ERROR,
        summary = "A certificate used for SMTP does not cover the FQDN it serves (subject CN or a SAN DNS name, "
                + "wildcards per RFC 6125), e.g. the hybrid mail-flow FQDN.",
        description = "Exchange Online connects to the hybrid mail-flow name and checks that the certificate "
                + "presented covers it ('450 4.4.317 ... SubjectMismatch'). The name a server serves over SMTP is "
                + "the fqdn of its receive connectors bound to port 25 when they declare one (HCW sets the hybrid "
                + "connector's), else the server's fqdn. A certificate bound to a server for SMTP must cover one of "
                + "those names; the organization's hybrid certificate must cover the name of every hybrid mail-flow "
                + "server. A wildcard covers exactly one label (*.contoso.com covers mail.contoso.com, not "
                + "contoso.com or a.mail.contoso.com).",
        sources = {
            "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
            "https://www.rfc-editor.org/rfc/rfc6125#section-6.4.3"
        })
public final class CertificateNames implements ModelRule {

    @Override
    public void check(Inspection inspection, Reporter out) {
        InfraModel model = inspection.model();
        for (Server server : model.servers()) {
            List<String> served = servedNames(server);
            for (Value<String> reference : server.spec().certificatesOrEmpty()) {
                Optional<CertificateChain> chain = model.chain(reference.value());
                if (chain.isPresent()
                        && isSmtp(chain.get().document())
                        && !served.isEmpty()
                        && served.stream().noneMatch(n -> covers(chain.get().leaf(), n))) {
                    out.report(reference.location(), message(chain.get(), server, served));
                }
            }
        }
        Organization.Hybrid hybrid =
                model.organization().map(Organization::hybrid).orElse(null);
        if (hybrid == null || hybrid.certificate() == null) {
            return;
        }
        Optional<CertificateChain> chain = model.chain(hybrid.certificate().value());
        for (Value<String> name : hybrid.mailFlowServers()) {
            Optional<Server> server = model.servers().stream()
                    .filter(s -> s.displayName().equalsIgnoreCase(name.value()))
                    .findFirst();
            if (chain.isPresent() && server.isPresent()) {
                List<String> served = servedNames(server.get());
                if (!served.isEmpty()
                        && served.stream().noneMatch(n -> covers(chain.get().leaf(), n))) {
                    out.report(
                            hybrid.certificate().location(),
                            "the hybrid certificate: " + message(chain.get(), server.get(), served));
                }
            }
        }
    }

    private static String message(CertificateChain chain, Server server, List<String> served) {
        CertificateInfo leaf = chain.leaf();
        List<String> names = new ArrayList<>();
        if (leaf.commonName() != null) {
            names.add("CN " + leaf.commonName());
        }
        leaf.dnsNames().forEach(d -> names.add("DNS " + d));
        return chain.name() + " (" + String.join(", ", names) + ") does not cover " + String.join(" or ", served)
                + ", the name " + server.displayName() + " serves over SMTP; add it to the certificate's subject "
                + "alternative names";
    }

    private static boolean isSmtp(Certificate certificate) {
        return certificate.services().stream().anyMatch(s -> s.value().equals("SMTP"));
    }

    /** The FQDNs of the server's port-25 receive connectors that declare one, else the server's own. */
    static List<String> servedNames(Server server) {
        List<String> names = new ArrayList<>();
        for (ReceiveConnector connector : server.spec().connectorsOrEmpty()) {
            boolean port25 = connector.bindings().stream()
                    .anyMatch(b -> b.value().strip().endsWith(":25"));
            if (port25 && connector.fqdn() != null) {
                names.add(connector.fqdn().value());
            }
        }
        if (names.isEmpty() && server.spec().fqdn() != null) {
            names.add(server.spec().fqdn().value());
        }
        return names.stream().distinct().toList();
    }

    /** RFC 6125: the CN or a DNS name equals the host, or a left-most wildcard stands for exactly one label. */
    static boolean covers(CertificateInfo certificate, String host) {
        List<String> names = new ArrayList<>(certificate.dnsNames());
        if (certificate.commonName() != null) {
            names.add(certificate.commonName());
        }
        String wanted = host.strip().toLowerCase(Locale.ROOT);
        for (String name : names) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.equals(wanted)) {
                return true;
            }
            if (n.startsWith("*.")) {
                int dot = wanted.indexOf('.');
                if (dot > 0 && wanted.substring(dot).equals(n.substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
