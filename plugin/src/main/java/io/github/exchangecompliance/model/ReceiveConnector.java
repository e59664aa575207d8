package io.github.exchangecompliance.model;

import java.util.List;

/**
 * A receive connector as declared (Set-ReceiveConnector / ExchReceiveConnector).
 *
 * @param fqdn the name the connector announces ({@code -Fqdn}); HCW sets it to the hybrid mail-flow name
 */
public record ReceiveConnector(
        Value<String> name,
        Value<String> transportRole,
        List<Value<String>> bindings,
        List<Value<String>> remoteIPRanges,
        Value<String> tlsCertificateName,
        List<Value<String>> tlsDomainCapabilities,
        Value<Boolean> hybrid,
        Value<String> fqdn,
        Location location) {

    public ReceiveConnector {
        bindings = List.copyOf(bindings);
        remoteIPRanges = List.copyOf(remoteIPRanges);
        tlsDomainCapabilities = List.copyOf(tlsDomainCapabilities);
    }
}
