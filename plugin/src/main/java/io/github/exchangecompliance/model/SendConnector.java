package io.github.exchangecompliance.model;

import java.util.List;

/**
 * A send connector of the organization as declared (New-SendConnector / Set-SendConnector). Lists hold what was
 * written ({@code smtp:contoso.mail.onmicrosoft.com;1} for an address space).
 *
 * @param sourceTransportServers the servers that send through it ({@code -SourceTransportServers})
 * @param tlsAuthLevel {@code EncryptionOnly}, {@code CertificateValidation} or {@code DomainValidation}
 * @param tlsDomain the domain the remote certificate must name when {@code tlsAuthLevel} is DomainValidation
 * @param tlsCertificateName the certificate this side presents, {@code <I>issuer<S>subject}
 * @param hybrid true for the connector the Hybrid Configuration Wizard created to Exchange Online
 */
public record SendConnector(
        Value<String> name,
        List<Value<String>> addressSpaces,
        List<Value<String>> smartHosts,
        List<Value<String>> sourceTransportServers,
        Value<String> tlsAuthLevel,
        Value<String> tlsDomain,
        Value<String> tlsCertificateName,
        Value<Boolean> cloudServicesMailEnabled,
        Value<Boolean> requireTls,
        Value<String> fqdn,
        Value<Boolean> dnsRoutingEnabled,
        Value<Boolean> hybrid,
        Location location) {

    public SendConnector {
        addressSpaces = List.copyOf(addressSpaces);
        smartHosts = List.copyOf(smartHosts);
        sourceTransportServers = List.copyOf(sourceTransportServers);
    }

    /**
     * This connector's declarations over {@code below}'s, field by field: what this one declares wins, what it leaves
     * out {@code below} gives (a {@code Set-SendConnector} after {@code New-SendConnector}, a native document over
     * a DSC resource that cannot declare {@code CloudServicesMailEnabled}). Where it stands is where this one does.
     */
    public SendConnector over(SendConnector below) {
        return new SendConnector(
                name,
                addressSpaces.isEmpty() ? below.addressSpaces : addressSpaces,
                smartHosts.isEmpty() ? below.smartHosts : smartHosts,
                sourceTransportServers.isEmpty() ? below.sourceTransportServers : sourceTransportServers,
                pick(tlsAuthLevel, below.tlsAuthLevel),
                pick(tlsDomain, below.tlsDomain),
                pick(tlsCertificateName, below.tlsCertificateName),
                pick(cloudServicesMailEnabled, below.cloudServicesMailEnabled),
                pick(requireTls, below.requireTls),
                pick(fqdn, below.fqdn),
                pick(dnsRoutingEnabled, below.dnsRoutingEnabled),
                pick(hybrid, below.hybrid),
                location);
    }

    private static <T> T pick(T top, T below) {
        return top != null ? top : below;
    }
}
