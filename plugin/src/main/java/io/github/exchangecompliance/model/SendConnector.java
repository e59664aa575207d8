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
}
