package io.github.exchangecompliance.live;

import static io.github.exchangecompliance.live.CliProperties.bool;
import static io.github.exchangecompliance.live.CliProperties.pem;
import static io.github.exchangecompliance.live.CliProperties.serverNameOf;
import static io.github.exchangecompliance.live.CliProperties.text;
import static io.github.exchangecompliance.live.CliProperties.texts;

import io.github.exchangecompliance.cert.CertificateFiles;
import io.github.exchangecompliance.clixml.CliValue;
import io.github.exchangecompliance.clixml.CliValue.CliDictionary;
import io.github.exchangecompliance.clixml.CliValue.CliList;
import io.github.exchangecompliance.clixml.CliValue.CliObject;
import io.github.exchangecompliance.clixml.CliValue.CliPrimitive;
import io.github.exchangecompliance.clixml.CliXmlReader;
import io.github.exchangecompliance.clixml.CliXmlReader.CliXmlException;
import io.github.exchangecompliance.model.CertificateInfo;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the exports of the live servers say, each file recognised by what it holds, not by its name:
 * {@code Get-ExchangeServer}, {@code Get-OrganizationConfig}, {@code Get-ReceiveConnector},
 * {@code Get-SendConnector}, {@code Get-HybridConfiguration}, {@code Get-ExchangeCertificate} and the CA stores,
 * {@code Win32_OperatingSystem}, and what Windows holds ({@link WindowsSettings}); known objects are found inside
 * others too. Values keep the export line they came from.
 */
public final class LiveExports {

    /**
     * A certificate of {@code Get-ExchangeCertificate} as PEM (RawData holds the certificate only, never its key).
     *
     * @param server the server whose store holds it, from its Identity ({@code EX01\<thumbprint>}) or the
     *     PSComputerName it came back with, as Get-ExchangeServer names it; or null
     */
    public record LiveCertificate(
            String thumbprint,
            String issuer,
            String subject,
            String pem,
            List<String> services,
            String server,
            Location location) {
        public LiveCertificate {
            services = List.copyOf(services);
        }
    }

    /** What {@code Get-HybridConfiguration} says. */
    public record LiveHybrid(
            Value<String> tlsCertificateName, List<Value<String>> transportServers, Location location) {
        public LiveHybrid {
            transportServers = List.copyOf(transportServers);
        }
    }

    /**
     * The hybrid transport servers that Get-ExchangeServer lists too, when the exports hold Get-ExchangeServer: a
     * server they do not describe is not written (it would name a server the repository does not declare) and not
     * compared. Without Get-ExchangeServer, every transport server the hybrid configuration names.
     */
    public List<Value<String>> hybridServersListed() {
        List<Value<String>> named = hybrid().map(LiveHybrid::transportServers).orElse(List.of());
        if (servers.values().stream().noneMatch(s -> s.listed)) {
            return named;
        }
        return named.stream()
                .filter(name -> servers.containsKey(LiveServer.shortName(name.value()))
                        && servers.get(LiveServer.shortName(name.value())).listed)
                .toList();
    }

    /** A store certificate by its subject: whom it was issued by, and its PEM. */
    private record Issuer(String issuer, String pem) {}

    /** A file that could not be read, and why, at its line. */
    public record Broken(Path file, int line, String message) {}

    /** How deep the search for known objects inside unknown ones goes: HealthChecker's data nests a few levels. */
    private static final int MOST_NESTING = 12;

    private static final Pattern WINDOWS_RELEASE =
            Pattern.compile("Windows Server (2008|2012|2016|2019|2022|2025)(?: (R2))?", Pattern.CASE_INSENSITIVE);

    private final Map<String, LiveServer> servers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<SendConnector> sendConnectors = new ArrayList<>();
    private final List<LiveCertificate> certificates = new ArrayList<>();
    private final List<Broken> broken = new ArrayList<>();
    private final Map<String, Issuer> issuers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<CliObject> nameless = new ArrayList<>();
    private final Map<String, java.util.Set<Path>> files = new TreeMap<>();
    private final Map<String, Integer> unmapped = new LinkedHashMap<>();
    private Value<Boolean> organizationMitigations;
    private Value<String> organizationName;
    private LiveHybrid hybrid;

    private LiveExports() {}

    public static LiveExports read(List<Path> files) {
        LiveExports exports = new LiveExports();
        for (Path file : files) {
            try {
                for (CliValue value : CliXmlReader.read(file).values()) {
                    exports.take(value, null, 0);
                }
            } catch (CliXmlException e) {
                exports.broken.add(new Broken(file, e.line(), e.getMessage()));
            }
        }
        exports.placeNameless();
        // Every issuer is known only once every file is read.
        exports.certificates.replaceAll(exports::withChain);
        return exports;
    }

    public List<LiveServer> servers() {
        return List.copyOf(servers.values());
    }

    public List<SendConnector> sendConnectors() {
        return List.copyOf(sendConnectors);
    }

    /**
     * The Exchange certificates, each PEM followed by the issuers the exports hold, up to a self-signed root, and
     * on the server as Get-ExchangeServer names it.
     */
    public List<LiveCertificate> certificates() {
        return List.copyOf(certificates);
    }

    private LiveCertificate withChain(LiveCertificate leaf) {
        StringBuilder pem = new StringBuilder(leaf.pem());
        String issuer = leaf.issuer();
        String subject = leaf.subject();
        for (int depth = 0; depth < 10 && !issuer.equalsIgnoreCase(subject); depth++) {
            Issuer next = issuers.get(issuer);
            if (next == null) {
                break;
            }
            pem.append(next.pem());
            subject = issuer;
            issuer = next.issuer();
        }
        // The server as Get-ExchangeServer names it, which the Identity may have written otherwise (ex01.contoso.com).
        String server = leaf.server() == null || !servers.containsKey(leaf.server())
                ? leaf.server()
                : servers.get(leaf.server()).name.value();
        return new LiveCertificate(
                leaf.thumbprint(),
                leaf.issuer(),
                leaf.subject(),
                pem.toString(),
                leaf.services(),
                server,
                leaf.location());
    }

    public Optional<LiveHybrid> hybrid() {
        return Optional.ofNullable(hybrid);
    }

    public Optional<Value<Boolean>> organizationMitigations() {
        return Optional.ofNullable(organizationMitigations);
    }

    public Optional<Value<String>> organizationName() {
        return Optional.ofNullable(organizationName);
    }

    /** True when nothing the import writes or the check compares was found. */
    public boolean isEmpty() {
        return servers.isEmpty()
                && sendConnectors.isEmpty()
                && certificates.isEmpty()
                && hybrid == null
                && organizationMitigations == null;
    }

    /** True when some export is of Get-SendConnector: a connector it lacks is not in the organization. */
    public boolean hasSendConnectors() {
        return files.containsKey("Get-SendConnector");
    }

    public boolean hasExchangeCertificates() {
        return files.containsKey("Get-ExchangeCertificate");
    }

    /** The files that hold the objects of a cmdlet ({@code Get-ExchangeServer}), sorted. */
    public List<Path> filesOf(String cmdlet) {
        return List.copyOf(files.getOrDefault(cmdlet, java.util.Set.of()));
    }

    private void exportedIn(String cmdlet, CliObject object) {
        files.computeIfAbsent(cmdlet, c -> new java.util.TreeSet<>())
                .add(object.location().file());
    }

    public List<Broken> broken() {
        return List.copyOf(broken);
    }

    /** The objects no mapping knows, by type, with how many there were ("System.ServiceProcess...: 3"). */
    public Map<String, Integer> unmapped() {
        return Map.copyOf(unmapped);
    }

    /**
     * Takes what a value holds. An object no mapping knows is searched for ones it does (a HealthChecker data file
     * holds Get-ExchangeServer and the TLS settings deep inside), with the server name the nearest enclosing object
     * gives; only a top-level object in which nothing is found is counted as unmapped.
     *
     * @param server the name of the server an enclosing object is about, or null
     * @return true when something was taken
     */
    private boolean take(CliValue value, Value<String> server, int depth) {
        if (depth > MOST_NESTING) {
            return false;
        }
        if (value instanceof CliList list) {
            boolean found = false;
            for (CliValue item : list.items()) {
                found |= take(item, server, depth);
            }
            return found;
        }
        if (value instanceof CliDictionary dictionary) {
            boolean found = false;
            for (CliValue entry : dictionary.entries().values()) {
                found |= take(entry, server, depth + 1);
            }
            return found;
        }
        if (!(value instanceof CliObject object)) {
            return false;
        }
        Value<String> about = serverNameOf(object).orElse(server);
        if (known(object, about)) {
            return true;
        }
        boolean found = false;
        for (CliValue property : object.properties().values()) {
            found |= take(property, about, depth + 1);
        }
        if (!found && depth == 0) {
            String type = object.typeNames().isEmpty()
                    ? "an object without a type name"
                    : object.typeNames().get(0);
            unmapped.merge(type, 1, Integer::sum);
        }
        return found;
    }

    private void serverSettings(CliObject object, Value<String> server) {
        WindowsSettings.apply(object, server(server, object.location()), what -> unmapped.merge(what, 1, Integer::sum));
    }

    /**
     * Settings that name no server are the one server's when the exports list one (HealthChecker's data of a
     * server, or exports taken on it); with several, whose they are cannot be told, and they are not guessed.
     */
    private void placeNameless() {
        List<LiveServer> listed =
                servers.values().stream().filter(s -> s.listed).toList();
        for (CliObject object : nameless) {
            if (listed.size() == 1) {
                serverSettings(object, listed.get(0).name);
            } else {
                unmapped.merge(
                        "server settings that name no server (PSComputerName), among exports of " + listed.size()
                                + " servers",
                        1,
                        Integer::sum);
            }
        }
        nameless.clear();
    }

    /** Maps an object of a kind the import knows; false for any other. */
    private boolean known(CliObject object, Value<String> server) {
        if (object.isA("ExchangeServer")) {
            exchangeServer(object);
        } else if (object.isA("OrganizationConfig")) {
            organizationName = text(object, "Name");
            organizationMitigations = bool(object, "MitigationsEnabled");
        } else if (object.isA("ReceiveConnector")) {
            receiveConnector(object);
        } else if (object.isA("SmtpSendConnectorConfig") || object.isA("SendConnector")) {
            sendConnector(object);
        } else if (object.isA("HybridConfiguration")) {
            List<Value<String>> transport = new ArrayList<>(texts(object, "ReceivingTransportServers"));
            texts(object, "SendingTransportServers").stream()
                    .filter(s -> transport.stream().noneMatch(t -> t.value().equalsIgnoreCase(s.value())))
                    .forEach(transport::add);
            hybrid = new LiveHybrid(text(object, "TlsCertificateName"), transport, object.location());
        } else if (object.isA("ExchangeCertificate")) {
            certificate(object, server);
        } else if (object.isA("X509Certificate2")) {
            chainCertificate(object);
        } else if (object.isA("Win32_OperatingSystem")) {
            operatingSystem(object);
        } else if (WindowsSettings.isSettings(object)) {
            if (server == null) {
                // Taken on the server itself, without Invoke-Command: whose it is is known only from the rest.
                nameless.add(object);
            } else {
                serverSettings(object, server);
            }
        } else {
            return false;
        }
        return true;
    }

    private void exchangeServer(CliObject object) {
        Value<String> name = text(object, "Name");
        if (name == null) {
            return;
        }
        LiveServer server = server(name, object.location());
        server.listed = true;
        exportedIn("Get-ExchangeServer", object);
        server.name = name;
        server.fqdn = text(object, "Fqdn");
        server.version = build(text(object, "AdminDisplayVersion"));
        server.internetWebProxy = text(object, "InternetWebProxy");
        server.mitigationsEnabled = bool(object, "MitigationsEnabled");
        Value<Boolean> edge = bool(object, "IsEdgeServer");
        Value<String> role = text(object, "ServerRole");
        if (edge != null && edge.value()) {
            server.roles.add(Value.of("Edge", edge.location()));
        } else if (role != null && role.value().toLowerCase(Locale.ROOT).contains("edge")) {
            server.roles.add(Value.of("Edge", role.location()));
        } else if (role != null) {
            server.roles.add(Value.of("Mailbox", role.location()));
        }
    }

    private void receiveConnector(CliObject object) {
        Value<String> identity = text(object, "Identity");
        Value<String> serverName = text(object, "Server");
        if (serverName == null && identity != null && identity.value().contains("\\")) {
            serverName = Value.of(identity.value().substring(0, identity.value().indexOf('\\')), identity.location());
        }
        Value<String> name = text(object, "Name");
        if (serverName == null || name == null) {
            unmapped.merge("a receive connector without its server or name", 1, Integer::sum);
            return;
        }
        List<ReceiveConnector> connectors = server(serverName, object.location()).receiveConnectors;
        // The same connector exported twice (two files, or a HealthChecker file beside Get-ReceiveConnector's).
        String connectorName = name.value();
        if (connectors.stream().anyMatch(c -> c.name().value().equalsIgnoreCase(connectorName))) {
            return;
        }
        connectors.add(new ReceiveConnector(
                name,
                text(object, "TransportRole"),
                texts(object, "Bindings"),
                texts(object, "RemoteIPRanges"),
                text(object, "TlsCertificateName"),
                texts(object, "TlsDomainCapabilities"),
                null,
                text(object, "Fqdn"),
                object.location()));
    }

    private void sendConnector(CliObject object) {
        exportedIn("Get-SendConnector", object);
        Value<String> name = text(object, "Name");
        if (name == null
                || sendConnectors.stream().anyMatch(c -> c.name().value().equalsIgnoreCase(name.value()))) {
            return;
        }
        sendConnectors.add(new SendConnector(
                name,
                texts(object, "AddressSpaces"),
                texts(object, "SmartHosts"),
                texts(object, "SourceTransportServers"),
                text(object, "TlsAuthLevel"),
                text(object, "TlsDomain"),
                text(object, "TlsCertificateName"),
                bool(object, "CloudServicesMailEnabled"),
                bool(object, "RequireTLS"),
                text(object, "Fqdn"),
                bool(object, "DNSRoutingEnabled"),
                null,
                object.location()));
    }

    /**
     * An Exchange certificate. Its thumbprint, subject and issuer are read from RawData, which every export holds
     * (one taken through remoting holds little else), as the check reads a PEM; its server is the one its
     * Identity ({@code EX01\<thumbprint>}) names, else the PSComputerName it came back with.
     */
    private void certificate(CliObject object, Value<String> context) {
        exportedIn("Get-ExchangeCertificate", object);
        Optional<CertificateInfo> info = rawData(object);
        if (info.isEmpty()) {
            unmapped.merge("an Exchange certificate without RawData that is a certificate", 1, Integer::sum);
            return;
        }
        Value<String> identity = text(object, "Identity");
        String server = identity != null && identity.value().contains("\\")
                ? LiveServer.shortName(
                        identity.value().substring(0, identity.value().indexOf('\\')))
                : context == null ? null : LiveServer.shortName(context.value());
        Value<String> services = text(object, "Services");
        List<String> named = new ArrayList<>();
        if (services != null) {
            for (String s : services.value().split(",")) {
                if (!s.isBlank() && !s.strip().equalsIgnoreCase("None")) {
                    named.add(s.strip());
                }
            }
        }
        String thumbprint = info.get().thumbprint();
        if (certificates.stream()
                .anyMatch(c ->
                        c.thumbprint().equalsIgnoreCase(thumbprint) && java.util.Objects.equals(c.server(), server))) {
            return;
        }
        byte[] der = (byte[]) ((CliPrimitive) object.property("RawData").orElseThrow()).value();
        certificates.add(new LiveCertificate(
                thumbprint, info.get().issuer(), info.get().subject(), pem(der), named, server, object.location()));
        if (server != null) {
            server(Value.of(server, object.location()), object.location())
                    .certificates
                    .add(thumbprint);
        }
    }

    /** The certificate an object's RawData holds; empty when it has none, or none that is a certificate. */
    private static Optional<CertificateInfo> rawData(CliObject object) {
        Optional<CliValue> raw = object.property("RawData");
        if (raw.isEmpty() || !(raw.get() instanceof CliPrimitive p) || !(p.value() instanceof byte[] der)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CertificateFiles.describe(der, p.location()));
        } catch (CertificateFiles.CertificateFileException e) {
            return Optional.empty();
        }
    }

    /** {@code Get-CimInstance Win32_OperatingSystem}: its Caption names the release (CSName the server). */
    private void operatingSystem(CliObject object) {
        Value<String> caption = text(object, "Caption");
        Optional<Value<String>> name =
                Optional.ofNullable(text(object, "CSName")).or(() -> serverNameOf(object));
        if (caption == null || name.isEmpty()) {
            unmapped.merge("an operating system without its caption or computer name", 1, Integer::sum);
            return;
        }
        Matcher release = WINDOWS_RELEASE.matcher(caption.value());
        if (!release.find()) {
            unmapped.merge("an operating system that is not Windows Server: " + caption.value(), 1, Integer::sum);
            return;
        }
        String os = "WindowsServer" + release.group(1) + (release.group(2) == null ? "" : "R2");
        server(name.get(), object.location()).operatingSystem = Value.of(os, caption.location());
    }

    /** {@code Version 15.2 (Build 1544.4)} as the build number {@code 15.2.1544.4}; other texts as they are. */
    private static Value<String> build(Value<String> display) {
        if (display == null) {
            return null;
        }
        return ExchangeVersions.buildNumber(display.value())
                .map(build -> Value.of(build, display.location()))
                .orElse(display);
    }

    /**
     * A certificate of a Windows store ({@code Get-ChildItem Cert:\\LocalMachine\\CA}) that is not an Exchange
     * certificate: an issuer, kept to complete the chains of the Exchange certificates.
     */
    private void chainCertificate(CliObject object) {
        Optional<CertificateInfo> info = rawData(object);
        if (info.isEmpty()) {
            unmapped.merge("a certificate without RawData that is a certificate", 1, Integer::sum);
            return;
        }
        byte[] der = (byte[]) ((CliPrimitive) object.property("RawData").orElseThrow()).value();
        issuers.putIfAbsent(info.get().subject(), new Issuer(info.get().issuer(), pem(der)));
    }

    /** The server of that name, made when first named; an FQDN (PSComputerName) names it by its first label. */
    private LiveServer server(Value<String> name, Location at) {
        String shortName = LiveServer.shortName(name.value());
        return servers.computeIfAbsent(shortName, n -> new LiveServer(Value.of(n, name.location()), at));
    }
}
