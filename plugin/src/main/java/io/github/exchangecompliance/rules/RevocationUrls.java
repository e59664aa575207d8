package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.cert.MitigationEndpoint;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP URLs Windows must fetch to validate the chains a server uses: those of its own certificates and,
 * where the Emergency Mitigation Service runs, those of the service's endpoint (declared, or the built-in
 * catalog) and the certificate trust list.
 */
final class RevocationUrls {

    /** A URL, what it is, and the certificate it comes from. */
    record Needed(String url, String kind, String source) {}

    private RevocationUrls() {}

    static List<Needed> of(Server server, InfraModel model) {
        List<Needed> needed = new ArrayList<>();
        for (CertificateChain chain : model.chainsOf(server)) {
            add(chain, needed);
        }
        if (MitigationEndpoint.runsOn(server)) {
            List<CertificateChain> declared = model.chains().values().stream()
                    .filter(c -> c.document().purpose() != null
                            && c.document().purpose().value().equals("mitigation-endpoint"))
                    .toList();
            if (declared.isEmpty()) {
                MitigationEndpoint.catalog()
                        .forEach(u -> needed.add(new Needed(
                                u.url(), u.kind(), "the Emergency Mitigation Service's chain (built-in catalog)")));
            } else {
                declared.forEach(c -> add(c, needed));
                needed.add(new Needed(
                        MitigationEndpoint.TRUST_LIST, "certificate trust list", "the Emergency Mitigation Service"));
            }
        }
        return needed.stream().distinct().toList();
    }

    private static void add(CertificateChain chain, List<Needed> needed) {
        for (CertificateInfo certificate : chain.chain()) {
            for (CertificateInfo.RevocationUrl url : certificate.revocationUrls()) {
                if (url.url().toLowerCase(java.util.Locale.ROOT).startsWith("http://")) {
                    needed.add(new Needed(
                            url.url(),
                            url.kind(),
                            "'" + certificate.displayName() + "' in the chain of " + chain.name()));
                }
            }
        }
    }
}
