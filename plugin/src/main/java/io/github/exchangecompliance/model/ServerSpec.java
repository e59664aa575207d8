package io.github.exchangecompliance.model;

import java.util.List;

/**
 * The fields a {@code Server} declares, and that a {@code ServerGroup} may declare for its servers. Any field may
 * be missing (null); {@link #overlaidWith} applies the SPEC's merge: the top's own value wins, maps (the
 * registry, mailboxes) merge key by key, lists are replaced whole.
 *
 * @param dotnetFramework the .NET Framework version installed, as written ({@code 4.8.1})
 * @param registryLocation where the {@code registry} key was written, or null
 */
public record ServerSpec(
        Value<String> fqdn,
        Value<String> version,
        Value<String> operatingSystem,
        Value<String> dotnetFramework,
        List<Value<String>> roles,
        Value<String> internetWebProxy,
        Value<String> winHttpProxy,
        Value<Boolean> mitigationsEnabled,
        List<Value<String>> certificates,
        Value<Long> userMailboxes,
        Value<Long> publicFolderMailboxes,
        Registry registry,
        Location registryLocation,
        List<ReceiveConnector> receiveConnectors) {

    public static ServerSpec empty() {
        return new ServerSpec(
                null, null, null, null, null, null, null, null, null, null, null, new Registry(), null, null);
    }

    public ServerSpec overlaidWith(ServerSpec top) {
        return new ServerSpec(
                pick(top.fqdn, fqdn),
                pick(top.version, version),
                pick(top.operatingSystem, operatingSystem),
                pick(top.dotnetFramework, dotnetFramework),
                pick(top.roles, roles),
                pick(top.internetWebProxy, internetWebProxy),
                pick(top.winHttpProxy, winHttpProxy),
                pick(top.mitigationsEnabled, mitigationsEnabled),
                pick(top.certificates, certificates),
                pick(top.userMailboxes, userMailboxes),
                pick(top.publicFolderMailboxes, publicFolderMailboxes),
                registry.overlaidWith(top.registry),
                pick(top.registryLocation, registryLocation),
                pick(top.receiveConnectors, receiveConnectors));
    }

    private static <T> T pick(T top, T below) {
        return top != null ? top : below;
    }

    public List<Value<String>> rolesOrEmpty() {
        return roles == null ? List.of() : roles;
    }

    public List<ReceiveConnector> connectorsOrEmpty() {
        return receiveConnectors == null ? List.of() : receiveConnectors;
    }

    public List<Value<String>> certificatesOrEmpty() {
        return certificates == null ? List.of() : certificates;
    }
}
