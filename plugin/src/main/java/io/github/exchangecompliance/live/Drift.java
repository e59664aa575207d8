package io.github.exchangecompliance.live;

import static io.github.exchangecompliance.live.LiveServer.shortName;

import io.github.exchangecompliance.files.RelativePaths;
import io.github.exchangecompliance.live.LiveExports.LiveCertificate;
import io.github.exchangecompliance.model.CertificateChain;
import io.github.exchangecompliance.model.ExchangeVersion;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the live servers' exports differ from what the repository declares: each difference once, at the line that
 * declares the value, or at the server's document when the repository is silent. A value the exports do not hold is
 * not compared (an export of the TLS settings says nothing of the connectors), and silence that means what the
 * server has (no WinHTTP proxy, mitigations on) is no difference.
 */
public final class Drift {

    /** One difference, where the repository should change, and what it is. */
    public record Difference(Location location, String message) {}

    private final InfraModel model;
    private final LiveExports live;
    private final Path baseDirectory;
    private final List<Difference> found = new ArrayList<>();

    private Drift(InfraModel model, LiveExports live, Path baseDirectory) {
        this.model = model;
        this.live = live;
        this.baseDirectory = baseDirectory;
    }

    public static List<Difference> of(InfraModel model, LiveExports live, Path baseDirectory) {
        Drift drift = new Drift(model, live, baseDirectory);
        drift.servers();
        drift.organization();
        new ConnectorDrift(drift).compare();
        drift.certificates();
        return List.copyOf(drift.found);
    }

    InfraModel model() {
        return model;
    }

    LiveExports live() {
        return live;
    }

    void report(Location at, String message) {
        found.add(new Difference(at, message));
    }

    /** "exports/a.xml:8": where the live value was read, as the user names the file. */
    String where(Location location) {
        return RelativePaths.relativize(baseDirectory, location.file()) + ":" + location.line();
    }

    /** The export files of a cmdlet, as the user names them: "exports/a.xml, exports/b.xml". */
    String files(String cmdlet) {
        return String.join(
                ", ",
                live.filesOf(cmdlet).stream()
                        .map(f -> RelativePaths.relativize(baseDirectory, f))
                        .toList());
    }

    /** Where something the repository does not declare at all belongs: the organization, else the first server. */
    Location organizationLocation(Location fallback) {
        return model.organization()
                .map(Organization::location)
                .or(() -> model.servers().stream().findFirst().map(Server::location))
                .orElse(fallback);
    }

    /** The declared server an export names: by name, or by the short name of its name or FQDN. */
    Optional<Server> declared(String name) {
        return model.servers().stream().filter(s -> isNamed(s, name)).findFirst();
    }

    private static boolean isNamed(Server server, String name) {
        return shortName(server.displayName()).equalsIgnoreCase(name)
                || (server.spec().fqdn() != null
                        && shortName(server.spec().fqdn().value()).equalsIgnoreCase(name));
    }

    private void servers() {
        boolean listed = live.servers().stream().anyMatch(s -> s.listed);
        for (LiveServer server : live.servers()) {
            Optional<Server> declared = declared(server.name.value());
            if (declared.isEmpty()) {
                if (server.listed) {
                    report(
                            organizationLocation(server.location),
                            server.name.value() + " is an Exchange server in the exports (" + where(server.location)
                                    + ") but the repository declares no server of that name");
                }
                continue;
            }
            compareServer(server, declared.get());
        }
        if (listed) {
            for (Server server : model.servers()) {
                boolean exported = live.servers().stream().anyMatch(s -> s.listed && isNamed(server, s.name.value()));
                if (!exported) {
                    report(
                            server.location(),
                            server.displayName()
                                    + " is declared but no export of Get-ExchangeServer lists it ("
                                    + files("Get-ExchangeServer") + "): it is not in the organization the exports "
                                    + "were taken from");
                }
            }
        }
    }

    private void compareServer(LiveServer live, Server server) {
        String name = server.displayName();
        Location document = server.location();
        text(name, "its Exchange build", live.version, server.spec().version(), Drift::build, document);
        text(
                name,
                "its operating system",
                live.operatingSystem,
                server.spec().operatingSystem(),
                Drift::lower,
                document);
        text(name, "internetWebProxy", live.internetWebProxy, server.spec().internetWebProxy(), Drift::url, document);
        if (live.winHttpProxy != null) {
            Value<String> declared = server.spec().winHttpProxy();
            // No winHttpProxy declared is direct, as the egress check reads it.
            if (!winHttp(live.winHttpProxy.value()).equals(winHttp(declared == null ? null : declared.value()))) {
                differs(
                        name,
                        "its WinHTTP proxy",
                        live.winHttpProxy,
                        declared == null ? null : declared.value(),
                        declared == null ? document : declared.location());
            }
        }
        if (live.mitigationsEnabled != null) {
            Value<Boolean> declared = server.spec().mitigationsEnabled();
            boolean declaredValue = declared == null || declared.value();
            if (declaredValue != live.mitigationsEnabled.value()) {
                differs(
                        name,
                        "mitigationsEnabled",
                        Value.of(live.mitigationsEnabled.value().toString(), live.mitigationsEnabled.location()),
                        declared == null ? null : "'" + declared.value() + "'",
                        declared == null ? document : declared.location());
            }
        }
        registry(live, server);
    }

    private void registry(LiveServer live, Server server) {
        String name = server.displayName();
        for (RegistryKey key : live.registry.keys()) {
            Optional<RegistryKey> declaredKey = server.spec().registry().key(key.path());
            for (RegistryValue value : key.values()) {
                Optional<RegistryValue> declared = declaredKey.flatMap(k -> k.value(value.name()));
                String what = key.path().text() + " " + value.name();
                if (declared.isEmpty()) {
                    differs(
                            name,
                            what,
                            Value.of(value.text(), value.location()),
                            null,
                            declaredKey.map(RegistryKey::location).orElse(server.missingValueLocation()));
                } else if (!sameData(declared.get(), value)) {
                    differs(
                            name,
                            what,
                            Value.of(value.text(), value.location()),
                            data(declared.get()),
                            declared.get().location());
                }
            }
        }
        // A value the repository declares that the export looked for and did not find is not set on the server.
        for (RegistryKey key : server.spec().registry().keys()) {
            for (RegistryValue value : key.values()) {
                Location looked = live.registryLooked.getOrDefault(
                        WindowsSettings.looked(key.path(), value.name()),
                        live.registryLooked.get(WindowsSettings.looked(key.path(), "*")));
                boolean set = live.registry.value(key.path(), value.name()).isPresent();
                if (looked != null && !set && value.type() != RegistryValue.Type.ABSENT) {
                    report(
                            value.location(),
                            name + ": " + key.path().text() + " " + value.name() + " is declared " + data(value)
                                    + " but is not set on the server (" + where(looked) + ")");
                }
            }
        }
    }

    private static String data(RegistryValue value) {
        return value.isDword() ? "'" + value.text() + "'" : value.display();
    }

    private static boolean sameData(RegistryValue declared, RegistryValue live) {
        if (declared.dwordValue().isPresent() && live.dwordValue().isPresent()) {
            return declared.dwordValue().getAsLong() == live.dwordValue().getAsLong();
        }
        return declared.text().equalsIgnoreCase(live.text());
    }

    private void organization() {
        Optional<Organization> organization = model.organization();
        live.organizationMitigations().ifPresent(m -> {
            Value<Boolean> declared =
                    organization.map(Organization::mitigationsEnabled).orElse(null);
            boolean declaredValue = declared == null || declared.value();
            if (declaredValue != m.value() && organization.isPresent()) {
                differs(
                        "the organization",
                        "mitigationsEnabled",
                        Value.of(m.value().toString(), m.location()),
                        declared == null ? null : "'" + declared.value() + "'",
                        declared == null ? organization.get().location() : declared.location());
            }
        });
        live.hybrid().ifPresent(h -> {
            Organization.Hybrid hybrid = organization.map(Organization::hybrid).orElse(null);
            Set<String> liveServers = names(live.hybridServersListed());
            Set<String> declared = hybrid == null ? Set.of() : names(hybrid.mailFlowServers());
            if (!liveServers.equals(declared)) {
                Location at = hybrid != null && !hybrid.mailFlowServers().isEmpty()
                        ? hybrid.mailFlowServers().get(0).location()
                        : organizationLocation(h.location());
                report(
                        at,
                        (liveServers.isEmpty()
                                        ? "the hybrid configuration names no transport server the exports list ("
                                                + where(h.location()) + ") but "
                                        : "the hybrid mail-flow servers are " + String.join(", ", liveServers)
                                                + " in the hybrid configuration (" + where(h.location()) + ") but ")
                                + (declared.isEmpty()
                                        ? "the repository declares none"
                                        : "the repository declares " + String.join(", ", declared)));
            }
        });
    }

    private static Set<String> names(List<Value<String>> values) {
        return values.stream()
                .map(v -> shortName(v.value()).toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private void certificates() {
        if (!live.hasExchangeCertificates()) {
            return;
        }
        List<CertificateChain> chains = List.copyOf(model.chains().values());
        for (LiveCertificate certificate : live.certificates()) {
            boolean declared = chains.stream()
                    .anyMatch(c -> !c.chain().isEmpty()
                            && certificate
                                    .thumbprint()
                                    .equalsIgnoreCase(c.leaf().thumbprint()));
            if (!declared) {
                report(
                        organizationLocation(certificate.location()),
                        (certificate.server() == null ? "a server" : certificate.server()) + " holds the certificate "
                                + certificate.subject() + " (thumbprint " + certificate.thumbprint() + ", "
                                + where(certificate.location()) + ") that no Certificate document of the repository "
                                + "holds");
            }
        }
        for (CertificateChain chain : model.usedChains()) {
            if (chain.chain().isEmpty()) {
                continue;
            }
            String thumbprint = chain.leaf().thumbprint();
            if (live.certificates().stream().noneMatch(c -> c.thumbprint().equalsIgnoreCase(thumbprint))) {
                report(
                        chain.document().location(),
                        "the certificate '" + chain.name() + "' ("
                                + chain.leaf().subject() + ", thumbprint " + thumbprint
                                + ") is in no server's export of Get-ExchangeCertificate ("
                                + files("Get-ExchangeCertificate") + ")");
            }
        }
    }

    /** Compares a text both sides may hold, each side normalised by {@code same}. */
    void text(
            String server,
            String what,
            Value<String> live,
            Value<String> declared,
            Function<String, String> same,
            Location silentAt) {
        if (live == null) {
            return;
        }
        if (declared == null || !same.apply(declared.value()).equals(same.apply(live.value()))) {
            differs(
                    server,
                    what,
                    live,
                    declared == null ? null : "'" + declared.value() + "'",
                    declared == null ? silentAt : declared.location());
        }
    }

    /**
     * Reports that {@code what} is {@code live} in the exports but {@code declared} (quoted as the message shows it,
     * or null for nothing) in the repository.
     */
    void differs(String server, String what, Value<String> live, String declared, Location at) {
        report(
                at,
                server + ": " + what + " is '" + live.value() + "' in the exports (" + where(live.location()) + ") but "
                        + (declared == null
                                ? "the repository does not declare it"
                                : "the repository declares " + declared));
    }

    static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** A build as its cumulative update where the table knows it ("2019 CU14" and 15.2.1544.4 are one). */
    private static String build(String text) {
        return ExchangeVersions.bundled()
                .find(text)
                .map(ExchangeVersion::buildShort)
                .orElse(lower(text));
    }

    private static String url(String text) {
        String url = lower(text);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String winHttp(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("direct")) {
            return "direct";
        }
        String proxy = url(text);
        return proxy.startsWith("http://") ? proxy.substring("http://".length()) : proxy;
    }
}
