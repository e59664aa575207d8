package io.github.exchangecompliance.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything read from a repository, whatever its format: the one model every rule works on. */
public record InfraModel(
        Optional<Organization> organization,
        List<ServerGroup> groups,
        List<Server> servers,
        List<Certificate> certificates,
        Map<String, CertificateChain> chains) {

    public InfraModel {
        groups = List.copyOf(groups);
        servers = List.copyOf(servers);
        certificates = List.copyOf(certificates);
        chains = Collections.unmodifiableMap(new LinkedHashMap<>(chains));
    }

    public static InfraModel empty() {
        return new InfraModel(Optional.empty(), List.of(), List.of(), List.of(), Map.of());
    }

    /** This model with the certificate chains read from the certificate files. */
    public InfraModel withChains(Map<String, CertificateChain> read) {
        return new InfraModel(organization, groups, servers, certificates, read);
    }

    /** The chain of a certificate document, when its file could be read. */
    public Optional<CertificateChain> chain(String certificateName) {
        return Optional.ofNullable(chains.get(certificateName.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The chains of the certificates bound to a server. */
    public List<CertificateChain> chainsOf(Server server) {
        return server.spec().certificatesOrEmpty().stream()
                .map(c -> chain(c.value()))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The chains some server uses: bound to a server, the hybrid certificate, or the mitigation endpoint's.
     */
    public List<CertificateChain> usedChains() {
        java.util.Set<CertificateChain> used = new java.util.LinkedHashSet<>();
        servers.forEach(s -> used.addAll(chainsOf(s)));
        organization
                .map(Organization::hybrid)
                .map(Organization.Hybrid::certificate)
                .flatMap(c -> chain(c.value()))
                .ifPresent(used::add);
        chains.values().stream()
                .filter(c -> c.document().purpose() != null
                        && c.document().purpose().value().equals("mitigation-endpoint"))
                .forEach(used::add);
        return List.copyOf(used);
    }

    /**
     * The registries declared-value rules look at: every group's own declarations, and every server's merged
     * ones. A value inherited from a group shows up in both; the engine drops the repeated finding.
     */
    public List<RegistryScope> registryScopes() {
        java.util.ArrayList<RegistryScope> scopes = new java.util.ArrayList<>();
        for (ServerGroup group : groups) {
            scopes.add(new RegistryScope(
                    "group " + group.name().value(), group.spec().registry(), Optional.empty(), Optional.of(group)));
        }
        for (Server server : servers) {
            scopes.add(new RegistryScope(
                    "server " + server.displayName(), server.spec().registry(), Optional.of(server), Optional.empty()));
        }
        return scopes;
    }
}
