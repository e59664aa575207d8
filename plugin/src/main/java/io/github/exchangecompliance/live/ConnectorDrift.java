package io.github.exchangecompliance.live;

import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The connectors' part of {@link Drift}: receive connectors by server and name, send connectors by name. Lists are
 * compared as sets (Exchange keeps no meaningful order in bindings or ranges); names and domains without regard to
 * case, as Exchange compares them.
 */
final class ConnectorDrift {

    private final Drift drift;

    ConnectorDrift(Drift drift) {
        this.drift = drift;
    }

    void compare() {
        for (LiveServer live : drift.live().servers()) {
            drift.declared(live.name.value()).ifPresent(server -> receiveConnectors(live, server));
        }
        if (drift.live().hasSendConnectors()) {
            sendConnectors();
        }
    }

    private void receiveConnectors(LiveServer live, Server server) {
        String name = server.displayName();
        List<ReceiveConnector> declared = server.spec().connectorsOrEmpty();
        for (ReceiveConnector connector : live.receiveConnectors) {
            Optional<ReceiveConnector> match = declared.stream()
                    .filter(c ->
                            c.name().value().equalsIgnoreCase(connector.name().value()))
                    .findFirst();
            if (match.isEmpty()) {
                drift.report(
                        server.location(),
                        name + ": the receive connector '" + connector.name().value() + "' is on the server ("
                                + drift.where(connector.location()) + ") but the repository does not declare it");
                continue;
            }
            String what = "the receive connector '" + connector.name().value() + "'";
            ReceiveConnector mine = match.get();
            Location at = mine.location();
            list(name, what + " bindings", connector.bindings(), mine.bindings(), at);
            list(name, what + " remoteIPRanges", connector.remoteIPRanges(), mine.remoteIPRanges(), at);
            drift.text(
                    name,
                    what + " tlsCertificateName",
                    connector.tlsCertificateName(),
                    mine.tlsCertificateName(),
                    ConnectorDrift::certificateName,
                    at);
            list(
                    name,
                    what + " tlsDomainCapabilities",
                    connector.tlsDomainCapabilities(),
                    mine.tlsDomainCapabilities(),
                    at);
        }
        // Only a server whose connectors were exported can be said to lack one.
        if (!live.receiveConnectors.isEmpty()) {
            for (ReceiveConnector connector : declared) {
                if (live.receiveConnectors.stream()
                        .noneMatch(c -> c.name()
                                .value()
                                .equalsIgnoreCase(connector.name().value()))) {
                    drift.report(
                            connector.name().location(),
                            name + ": the receive connector '"
                                    + connector.name().value() + "' is declared but is not on the server ("
                                    + drift.where(live.receiveConnectors.get(0).location()) + ")");
                }
            }
        }
    }

    private void sendConnectors() {
        Optional<Organization> organization = drift.model().organization();
        List<SendConnector> declared =
                organization.map(Organization::sendConnectors).orElse(List.of());
        String who = "the organization";
        for (SendConnector connector : drift.live().sendConnectors()) {
            Optional<SendConnector> match = declared.stream()
                    .filter(c ->
                            c.name().value().equalsIgnoreCase(connector.name().value()))
                    .findFirst();
            if (match.isEmpty()) {
                drift.report(
                        drift.organizationLocation(connector.location()),
                        "the send connector '" + connector.name().value() + "' exists ("
                                + drift.where(connector.location()) + ") but the repository does not declare it");
                continue;
            }
            SendConnector mine = match.get();
            String what = "the send connector '" + connector.name().value() + "'";
            Location at = mine.location();
            list(
                    who,
                    what + " addressSpaces",
                    connector.addressSpaces(),
                    mine.addressSpaces(),
                    at,
                    ConnectorDrift::addressSpace);
            list(who, what + " smartHosts", connector.smartHosts(), mine.smartHosts(), at);
            list(
                    who,
                    what + " sourceTransportServers",
                    connector.sourceTransportServers(),
                    mine.sourceTransportServers(),
                    at);
            drift.text(who, what + " tlsAuthLevel", connector.tlsAuthLevel(), mine.tlsAuthLevel(), Drift::lower, at);
            drift.text(who, what + " tlsDomain", connector.tlsDomain(), mine.tlsDomain(), Drift::lower, at);
            drift.text(
                    who,
                    what + " tlsCertificateName",
                    connector.tlsCertificateName(),
                    mine.tlsCertificateName(),
                    ConnectorDrift::certificateName,
                    at);
            flag(
                    who,
                    what + " cloudServicesMailEnabled",
                    connector.cloudServicesMailEnabled(),
                    mine.cloudServicesMailEnabled(),
                    at);
            flag(who, what + " requireTls", connector.requireTls(), mine.requireTls(), at);
        }
        for (SendConnector connector : declared) {
            if (drift.live().sendConnectors().stream()
                    .noneMatch(c ->
                            c.name().value().equalsIgnoreCase(connector.name().value()))) {
                drift.report(
                        connector.name().location(),
                        "the send connector '" + connector.name().value()
                                + "' is declared but no export of Get-SendConnector holds it ("
                                + drift.files("Get-SendConnector") + ")");
            }
        }
    }

    private void flag(String who, String what, Value<Boolean> live, Value<Boolean> declared, Location at) {
        if (live != null && (declared == null || !declared.value().equals(live.value()))) {
            drift.differs(
                    who,
                    what,
                    Value.of(live.value().toString(), live.location()),
                    declared == null ? null : "'" + declared.value() + "'",
                    declared == null ? at : declared.location());
        }
    }

    /** A multi-valued property: the same members, whatever their order; at the first declared item, else {@code at}. */
    private void list(String who, String what, List<Value<String>> live, List<Value<String>> declared, Location at) {
        list(who, what, live, declared, at, Drift::lower);
    }

    /** The same, each item normalised by {@code same} before the sets are compared. */
    private void list(
            String who,
            String what,
            List<Value<String>> live,
            List<Value<String>> declared,
            Location at,
            Function<String, String> same) {
        Set<String> liveSet =
                live.stream().map(v -> same.apply(v.value())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> declaredSet =
                declared.stream().map(v -> same.apply(v.value())).collect(Collectors.toCollection(TreeSet::new));
        if (liveSet.equals(declaredSet)) {
            return;
        }
        String liveText =
                live.isEmpty() ? "none" : live.stream().map(Value::value).collect(Collectors.joining(", "));
        String declaredText =
                declared.isEmpty() ? null : declared.stream().map(Value::value).collect(Collectors.joining(", "));
        Location where = live.isEmpty() ? at : live.get(0).location();
        drift.differs(
                who,
                what,
                Value.of(liveText, where),
                declaredText == null ? null : "'" + declaredText + "'",
                declared.isEmpty() ? at : declared.get(0).location());
    }

    /** {@code <I>issuer<S>subject}, compared as Exchange does: without regard to case or spaces after commas. */
    private static String certificateName(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll(",\\s+", ",");
    }

    /** An address space as {@code smtp:domain;cost}: type SMTP and cost 1 are what Exchange assumes unwritten. */
    private static String addressSpace(String text) {
        String space = text.strip().toLowerCase(Locale.ROOT);
        if (!space.contains(":")) {
            space = "smtp:" + space;
        }
        if (!space.contains(";")) {
            space = space + ";1";
        }
        return space;
    }
}
