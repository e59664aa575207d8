package io.github.exchangecompliance.load;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.Certificate;
import io.github.exchangecompliance.model.Clouds;
import io.github.exchangecompliance.model.DotnetFramework;
import io.github.exchangecompliance.model.ExchangeVersions;
import io.github.exchangecompliance.model.InfraModel;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.OperatingSystem;
import io.github.exchangecompliance.model.Organization;
import io.github.exchangecompliance.model.Registry;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.ServerGroup;
import io.github.exchangecompliance.model.ServerSpec;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlDocument;
import io.github.exchangecompliance.yaml.YamlFile;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds documents of the native format (SPEC section 4.2) to the model, reporting every schema violation as
 * EX0002 at its line, and merges each server's groups into it.
 */
public final class NativeLoader {

    public static final String API_VERSION = "exchange-compliance/v1";
    static final List<String> KINDS = List.of("Organization", "ServerGroup", "Server", "Certificate");
    static final List<String> ENVIRONMENTS = Clouds.NAMES;
    static final List<String> ROLES = List.of("Mailbox", "Edge");
    static final List<String> ACTIONS = List.of("allow", "deny");
    static final List<String> SERVICES = List.of("SMTP", "IIS", "IMAP", "POP", "UM", "UMCallRouter", "Federation");
    static final List<String> PURPOSES = List.of("server", "mitigation-endpoint");

    private final Reporter schema;
    private final RegistryReader registryReader;
    private final Connectors connectors;
    private final ExchangeVersions versions = ExchangeVersions.bundled();

    public NativeLoader(Reporter schema) {
        this.schema = schema;
        this.registryReader = new RegistryReader(schema);
        this.connectors = new Connectors(schema);
    }

    /** True when a document declares itself part of the native format (any {@code exchange-compliance/} version). */
    public static boolean isNative(YamlDocument document) {
        return document.root() instanceof YamlMap map
                && map.text("apiVersion")
                        .map(v -> v.startsWith("exchange-compliance/"))
                        .orElse(false);
    }

    /**
     * One document bound to the model on its own, before {@link #load} joins them: servers to their groups, names
     * to what they name.
     */
    public sealed interface Bound permits OrganizationDoc, GroupDoc, ServerDoc, CertificateDoc {
        /** Where the document starts. */
        Location location();
    }

    private record OrganizationDoc(Organization organization) implements Bound {
        @Override
        public Location location() {
            return organization.location();
        }
    }

    private record GroupDoc(Value<String> name, ServerSpec spec, Location location) implements Bound {}

    private record ServerDoc(Value<String> name, List<Value<String>> groups, ServerSpec spec, Location location)
            implements Bound {}

    private record CertificateDoc(Certificate certificate) implements Bound {
        @Override
        public Location location() {
            return certificate.location();
        }
    }

    /**
     * Binds the native documents of a file, each on its own. The checker does this as it reads files, in
     * parallel, so that a file's YAML tree is dropped as soon as it is bound and never held with all the others.
     * Safe to call from several threads.
     */
    public List<Bound> bind(YamlFile file) {
        List<Bound> bound = new ArrayList<>();
        for (YamlDocument document : file.documents()) {
            if (document.root() != null) {
                Bound one = readDocument(file.path(), document.root());
                if (one != null) {
                    bound.add(one);
                }
            }
        }
        return bound;
    }

    /** Joins the bound documents, in the order of their files, into the model. */
    public InfraModel load(List<Bound> documents) {
        return load(documents, BrokenFiles.none());
    }

    /**
     * Joins the bound documents, in the order of their files, into the model; a name the documents do not define
     * but one of the files that failed to parse mentions is not reported (its syntax error is).
     */
    public InfraModel load(List<Bound> documents, BrokenFiles broken) {
        List<Organization> organizations = ofKind(documents, OrganizationDoc.class).stream()
                .map(OrganizationDoc::organization)
                .toList();
        List<GroupDoc> groups = ofKind(documents, GroupDoc.class);
        List<ServerDoc> servers = ofKind(documents, ServerDoc.class);
        List<Certificate> certificates = ofKind(documents, CertificateDoc.class).stream()
                .map(CertificateDoc::certificate)
                .toList();
        Map<String, GroupDoc> groupsByName = unique(groups, GroupDoc::name, "ServerGroup");
        Map<String, ServerDoc> serversByName = unique(servers, ServerDoc::name, "Server");
        Map<String, Certificate> certificatesByName = unique(certificates, Certificate::name, "Certificate");
        for (int i = 1; i < organizations.size(); i++) {
            schema.report(
                    organizations.get(i).name().location(),
                    "a second Organization '"
                            + organizations.get(i).name().value()
                            + "'; a repository describes one organization (the first is '"
                            + organizations.get(0).name().value() + "')");
        }
        Optional<Organization> organization = organizations.stream().findFirst();
        organization.ifPresent(org -> checkReferences(org, serversByName, certificatesByName, broken));
        groups.forEach(g -> checkCertificates(g.spec(), certificatesByName, broken));
        servers.forEach(s -> checkCertificates(s.spec(), certificatesByName, broken));

        // Each server is merged with its groups on its own: in parallel, in the order of the documents.
        List<Server> merged = serversByName.values().parallelStream()
                .map(doc -> merge(doc, groupsByName, groups, broken))
                .toList();
        List<ServerGroup> modelGroups = groupsByName.values().stream()
                .map(g -> new ServerGroup(g.name(), g.spec(), g.location()))
                .toList();
        return new InfraModel(organization, modelGroups, merged, List.copyOf(certificatesByName.values()), Map.of());
    }

    private Server merge(ServerDoc doc, Map<String, GroupDoc> groupsByName, List<GroupDoc> groups, BrokenFiles broken) {
        ServerSpec spec = ServerSpec.empty();
        for (Value<String> group : doc.groups()) {
            GroupDoc found = groupsByName.get(key(group.value()));
            if (found == null && !broken.mention(group.value())) {
                schema.report(
                        group.location(),
                        "Server " + doc.name().value() + " names the group '"
                                + group.value() + "', which is not defined"
                                + Suggestions.didYouMean(
                                        group.value(),
                                        groups.stream()
                                                .map(g -> g.name().value())
                                                .toList()));
            } else if (found != null) {
                spec = spec.overlaidWith(found.spec());
            }
        }
        return new Server(
                doc.name(),
                doc.groups(),
                spec.overlaidWith(doc.spec()),
                doc.location(),
                doc.spec().registryLocation());
    }

    private static <T extends Bound> List<T> ofKind(List<Bound> documents, Class<T> kind) {
        return documents.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Binds one document; null when it is none of the four kinds (what breaks the schema is reported). */
    private Bound readDocument(Path file, YamlNode root) {
        Fields top = Fields.of(root, "the document", schema);
        if (top == null) {
            return null;
        }
        Value<String> apiVersion = top.requiredString("apiVersion");
        if (apiVersion != null && !API_VERSION.equals(apiVersion.value())) {
            schema.report(
                    apiVersion.location(),
                    "apiVersion '" + apiVersion.value() + "' is not one this plugin reads; use " + API_VERSION);
            return null;
        }
        Value<String> kind = top.asOneOf(top.requiredString("kind"), "kind", KINDS);
        YamlNode metadataNode = top.required("metadata");
        YamlNode specNode = top.required("spec");
        top.finish();
        if (kind == null || metadataNode == null) {
            return null;
        }
        Fields metadata = Fields.of(metadataNode, kind.value() + " metadata", schema);
        if (metadata == null) {
            return null;
        }
        Value<String> name = metadata.requiredString("name");
        List<Value<String>> memberOf = kind.value().equals("Server") ? metadata.strings("groups") : null;
        YamlNode labels = metadata.node("labels");
        if (labels != null && !(labels instanceof YamlMap)) {
            schema.report(labels.location(), "metadata.labels must be a mapping, not " + labels.describe());
        }
        metadata.finish();
        if (name == null || specNode == null) {
            return null;
        }
        String where = kind.value() + " " + name.value() + " spec";
        Fields spec = Fields.of(specNode, where, schema);
        if (spec == null) {
            return null;
        }
        Location location = root.location();
        Bound read = switch (kind.value()) {
            case "Organization" -> new OrganizationDoc(readOrganization(name, spec, location));
            case "ServerGroup" -> new GroupDoc(name, readServerSpec(spec, where), location);
            case "Server" ->
                new ServerDoc(name, memberOf == null ? List.of() : memberOf, readServerSpec(spec, where), location);
            default -> new CertificateDoc(readCertificate(name, spec, file, location));
        };
        spec.finish();
        return read;
    }

    private Organization readOrganization(Value<String> name, Fields spec, Location location) {
        Value<String> environment = spec.oneOf("environment", ENVIRONMENTS);
        Value<Boolean> mitigations = spec.bool("mitigationsEnabled");
        Organization.Hybrid hybrid = null;
        Fields h = spec.child("hybrid");
        if (h != null) {
            List<Value<String>> mailFlowServers = h.strings("mailFlowServers");
            hybrid = new Organization.Hybrid(
                    h.bool("enabled"), mailFlowServers == null ? List.of() : mailFlowServers, h.string("certificate"));
            h.finish();
        }
        Organization.Egress egress = null;
        Fields e = spec.child("egress");
        if (e != null) {
            egress = new Organization.Egress(
                    e.oneOf("default", ACTIONS), egressRules(e.list("rules"), "egress"), proxies(e.list("proxies")));
            e.finish();
        }
        List<SendConnector> sendConnectors =
                connectors.send(spec.list("sendConnectors"), "Organization " + name.value());
        return new Organization(name, environment, mitigations, hybrid, egress, sendConnectors, location);
    }

    /** A .NET Framework version the table knows ({@code 4.8.1}), else EX0002 and unknown. */
    private Value<String> dotnetFramework(Value<String> version) {
        if (version == null || DotnetFramework.isKnown(version.value())) {
            return version;
        }
        schema.report(
                version.location(),
                "dotnetFramework '" + version.value() + "' is not a .NET Framework 4.x version; write one of "
                        + String.join(", ", DotnetFramework.versions())
                        + Suggestions.didYouMean(version.value(), DotnetFramework.versions()));
        return null;
    }

    private List<Organization.EgressRule> egressRules(YamlSeq seq, String where) {
        List<Organization.EgressRule> rules = new ArrayList<>();
        if (seq == null) {
            return rules;
        }
        for (YamlNode item : seq.items()) {
            Fields rule = Fields.of(item, where + " rule", schema);
            if (rule == null) {
                continue;
            }
            List<Value<String>> hosts = rule.strings("hosts");
            List<Value<Long>> ports = new ArrayList<>();
            boolean portsInvalid = false;
            YamlSeq portList = rule.list("ports");
            if (portList != null) {
                for (YamlNode port : portList.items()) {
                    Value<Long> p = rule.asInteger(port, where + " rule port");
                    if (p != null) {
                        ports.add(p);
                    } else {
                        portsInvalid = true;
                    }
                }
            }
            Value<String> action = rule.oneOf("action", ACTIONS);
            if (rule.map().get("action").isEmpty()) {
                schema.report(item.location(), where + " rule needs 'action' (allow or deny)");
            }
            rule.finish();
            rules.add(new Organization.EgressRule(
                    hosts == null ? List.of() : hosts,
                    ports,
                    action,
                    action != null && !portsInvalid,
                    item.location()));
        }
        return rules;
    }

    private List<Organization.Proxy> proxies(YamlSeq seq) {
        List<Organization.Proxy> proxies = new ArrayList<>();
        if (seq == null) {
            return proxies;
        }
        for (YamlNode item : seq.items()) {
            Fields proxy = Fields.of(item, "egress proxy", schema);
            if (proxy == null) {
                continue;
            }
            Value<String> name = proxy.requiredString("name");
            Value<String> url = proxy.requiredString("url");
            Value<String> defaultAction = proxy.oneOf("default", ACTIONS);
            List<Organization.EgressRule> rules = egressRules(proxy.list("rules"), "proxy");
            proxy.finish();
            proxies.add(new Organization.Proxy(name, url, defaultAction, rules, item.location()));
        }
        return proxies;
    }

    private ServerSpec readServerSpec(Fields spec, String where) {
        Value<String> version = spec.string("version");
        if (version != null && versions.place(version.value()).isEmpty()) {
            schema.report(
                    version.location(),
                    "the Exchange version '" + version.value()
                            + "' is not an Exchange version the plugin can place; write a build number such as 15.2.1544.4 or a "
                            + "product and update such as '2019 CU14' or 'SE RTM'");
            version = null;
        } else if (version != null) {
            Optional<ExchangeVersions.Beyond> beyond = versions.beyond(version.value());
            if (beyond.isPresent() && beyond.get().endedLine()) {
                // A version that does not exist would have every version rule judge a server that is not there.
                schema.report(version.location(), beyond.get().message());
                version = null;
            } else if (beyond.isPresent()) {
                schema.report(Severity.NOTE, version.location(), beyond.get().message());
            }
        }
        Value<Long> users = null;
        Value<Long> publicFolders = null;
        Fields mailboxes = spec.child("mailboxes");
        if (mailboxes != null) {
            users = mailboxes.integer("user");
            publicFolders = mailboxes.integer("publicFolder");
            mailboxes.finish();
        }
        YamlNode registryNode = spec.node("registry");
        Registry registry = registryReader.read(registryNode, where);
        Location registryLocation = registryNode == null
                ? null
                : spec.map().entry("registry").map(e -> e.key().location()).orElse(null);
        return new ServerSpec(
                spec.string("fqdn"),
                version,
                spec.oneOf("operatingSystem", OperatingSystem.NAMES),
                dotnetFramework(spec.string("dotnetFramework")),
                spec.stringsOneOf("roles", ROLES),
                spec.string("internetWebProxy"),
                spec.string("winHttpProxy"),
                spec.bool("mitigationsEnabled"),
                spec.strings("certificates"),
                users,
                publicFolders,
                registry,
                registryLocation,
                connectors.receive(spec.list("receiveConnectors"), where));
    }

    private Certificate readCertificate(Value<String> name, Fields spec, Path file, Location location) {
        Value<String> certificateFile = spec.requiredString("file");
        List<Value<String>> chain = spec.strings("chain");
        List<Value<String>> services = spec.stringsOneOf("services", SERVICES);
        Value<String> purpose = spec.oneOf("purpose", PURPOSES);
        Path base = file.toAbsolutePath().getParent();
        return new Certificate(
                name,
                certificateFile,
                chain == null ? List.of() : chain,
                services == null ? List.of() : services,
                purpose,
                base,
                location);
    }

    private void checkReferences(
            Organization org,
            Map<String, ServerDoc> servers,
            Map<String, Certificate> certificates,
            BrokenFiles broken) {
        for (SendConnector connector : org.sendConnectors()) {
            for (Value<String> source : connector.sourceTransportServers()) {
                checkServer(source, "the send connector '" + connector.name().value() + "'", servers, broken);
            }
        }
        if (org.hybrid() == null) {
            return;
        }
        Value<Boolean> enabled = org.hybrid().enabled();
        if (enabled != null
                && Boolean.TRUE.equals(enabled.value())
                && org.hybrid().mailFlowServers().isEmpty()) {
            // Without them every hybrid rule would have nothing to check, and say nothing.
            schema.report(
                    enabled.location(),
                    "hybrid is enabled but names no mailFlowServers, so no hybrid rule "
                            + "(EX3001 to EX3006, EX2007) can check anything; list the servers that carry hybrid mail (those "
                            + "the Hybrid Configuration Wizard's receive and send connector pages name)");
        }
        for (Value<String> server : org.hybrid().mailFlowServers()) {
            checkServer(server, "hybrid.mailFlowServers", servers, broken);
        }
        Value<String> certificate = org.hybrid().certificate();
        if (certificate != null) {
            checkCertificate(certificate, "hybrid.certificate", certificates, broken);
        }
    }

    private void checkServer(Value<String> server, String field, Map<String, ServerDoc> servers, BrokenFiles broken) {
        if (!servers.containsKey(key(server.value())) && !broken.mention(server.value())) {
            schema.report(
                    server.location(),
                    field + " names the server '" + server.value() + "', which is not defined"
                            + Suggestions.didYouMean(
                                    server.value(),
                                    servers.values().stream()
                                            .map(s -> s.name().value())
                                            .toList()));
        }
    }

    private void checkCertificates(ServerSpec spec, Map<String, Certificate> certificates, BrokenFiles broken) {
        spec.certificatesOrEmpty().forEach(c -> checkCertificate(c, "certificates", certificates, broken));
    }

    private void checkCertificate(
            Value<String> reference, String field, Map<String, Certificate> certificates, BrokenFiles broken) {
        if (!certificates.containsKey(key(reference.value())) && !broken.mention(reference.value())) {
            schema.report(
                    reference.location(),
                    field + " names the certificate '" + reference.value()
                            + "', which is not defined"
                            + Suggestions.didYouMean(
                                    reference.value(),
                                    certificates.values().stream()
                                            .map(c -> c.name().value())
                                            .toList()));
        }
    }

    /** Names are compared without regard to case, as Exchange and Windows compare them. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private <T> Map<String, T> unique(List<T> items, Function<T, Value<String>> name, String kind) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T item : items) {
            Value<String> n = name.apply(item);
            T first = byName.putIfAbsent(key(n.value()), item);
            if (first != null) {
                schema.report(
                        n.location(),
                        "a second " + kind + " named '" + n.value() + "' (first at "
                                + name.apply(first).location().shortText() + ")");
            }
        }
        return byName;
    }
}
