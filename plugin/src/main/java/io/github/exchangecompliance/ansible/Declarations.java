package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.ServerSpec;
import io.github.exchangecompliance.model.Value;
import java.util.ArrayList;
import java.util.List;

/** What the tasks applied to one server (or standing in one file) declare, in the model's terms. */
class Declarations {

    final Registry registry = new Registry();
    final List<ReceiveConnector> connectors = new ArrayList<>();
    /** Send connectors belong to the organization; a task on any host declares them for all. */
    final List<SendConnector> sendConnectors = new ArrayList<>();

    Value<String> internetWebProxy;
    Value<String> winHttpProxy;
    Value<Boolean> organizationMitigations;
    /** The Exchange version the host's install media names, if any ({@link InstallMedia}). */
    Value<String> version;

    Location firstDeclaration;

    void put(RegistryPath path, String written, Location keyAt, RegistryValue value) {
        registry.keyFor(path, written, keyAt).put(value);
        noteLocation(keyAt);
    }

    /** Adds what {@code other} declares, as if it had been declared here, after what is here. */
    void addAll(Declarations other) {
        if (other.firstDeclaration != null) {
            noteLocation(other.firstDeclaration);
        }
        addRegistryOf(other);
        connectors.addAll(other.connectors);
        sendConnectors.addAll(other.sendConnectors);
        internetWebProxy = other.internetWebProxy != null ? other.internetWebProxy : internetWebProxy;
        winHttpProxy = other.winHttpProxy != null ? other.winHttpProxy : winHttpProxy;
        organizationMitigations =
                other.organizationMitigations != null ? other.organizationMitigations : organizationMitigations;
        version = other.version != null ? other.version : version;
    }

    /** Puts each registry value {@code other} declares here, in its order (sharing its keys, which it keeps). */
    void addRegistryOf(Declarations other) {
        other.registry.keys().forEach(key -> noteLocation(key.location()));
        registry.addAll(other.registry);
    }

    void noteLocation(Location at) {
        if (firstDeclaration == null) {
            firstDeclaration = at;
        }
    }

    boolean isEmpty() {
        return registry.isEmpty()
                && connectors.isEmpty()
                && sendConnectors.isEmpty()
                && internetWebProxy == null
                && winHttpProxy == null
                && organizationMitigations == null
                && version == null;
    }

    ServerSpec toSpec() {
        return new ServerSpec(
                null,
                version,
                null,
                null,
                null,
                internetWebProxy,
                winHttpProxy,
                null,
                null,
                null,
                null,
                registry,
                null,
                connectors.isEmpty() ? null : List.copyOf(connectors));
    }
}
