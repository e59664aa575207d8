package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.InfraModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every certificate in a chain some server uses, once each, for the rules about certificates themselves. */
final class UsedCertificates {

    private UsedCertificates() {}

    static List<CertificateInfo> of(InfraModel model) {
        Set<CertificateInfo> used = new LinkedHashSet<>();
        for (CertificateChain chain : model.usedChains()) {
            used.addAll(chain.chain());
        }
        return List.copyOf(used);
    }
}
