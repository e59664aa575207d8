package io.github.exchangecompliance.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A certificate document's certificates and the chain built from its first certificate up through the issuers
 * found among every certificate the repository declares (by key identifier, else by name).
 *
 * @param chain leaf first, then its issuers as far as they were found; the root last when it was found
 */
public record CertificateChain(Certificate document, List<CertificateInfo> chain) {

    public CertificateChain {
        chain = List.copyOf(chain);
    }

    public CertificateInfo leaf() {
        return chain.get(0);
    }

    public String name() {
        return document.name().value();
    }

    /** Builds a chain from a leaf through a pool of candidate issuers, stopping at a root or a loop. */
    public static List<CertificateInfo> build(CertificateInfo leaf, List<CertificateInfo> pool) {
        List<CertificateInfo> chain = new ArrayList<>();
        CertificateInfo current = leaf;
        while (current != null && !chain.contains(current) && chain.size() < 10) {
            chain.add(current);
            if (current.isSelfIssued()) {
                break;
            }
            CertificateInfo child = current;
            // Another entry of the pool, not the certificate itself (a copy of it could sign nothing new either).
            current = pool.stream()
                    .filter(c -> !c.equals(child) && child.isIssuedBy(c))
                    .findFirst()
                    .orElse(null);
        }
        return chain;
    }
}
