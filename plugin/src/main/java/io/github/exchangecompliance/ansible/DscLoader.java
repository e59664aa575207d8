package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Server;
import io.github.exchangecompliance.model.ServerGroup;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Microsoft DSC v3 configuration documents: {@code Microsoft.Windows/Registry} resources, nested
 * {@code Microsoft.DSC/Group}s, and ExchangeDsc resources through the PowerShell adapters. A document configures one
 * machine: an Exchange server when it uses an ExchangeDsc resource or names one in {@code metadata.exchangeServer}
 * (which also joins it to the native Server of that name); otherwise its declarations stand on their own.
 */
public final class DscLoader {

    /** What one document declares, and the server it configures when it is one. */
    public record Result(
            Optional<Server> server, Optional<ServerGroup> standalone, List<SendConnector> sendConnectors) {
        public Result {
            sendConnectors = List.copyOf(sendConnectors);
        }
    }

    private final Reporter unresolved;

    public DscLoader(Reporter unresolved) {
        this.unresolved = unresolved;
    }

    public static boolean isDsc(YamlNode root) {
        return root instanceof YamlMap map
                && map.text("$schema")
                        .map(s -> s.toLowerCase(Locale.ROOT).contains("aka.ms/dsc/schemas"))
                        .orElse(false);
    }

    public Result load(Path file, YamlMap document) {
        Declarations declared = new Declarations();
        boolean[] exchange = {false};
        document.get("resources").ifPresent(r -> resources(r, declared, exchange));
        Optional<Value<String>> named = document.get("metadata")
                .filter(YamlMap.class::isInstance)
                .flatMap(m -> ((YamlMap) m).get("exchangeServer"))
                .filter(YamlScalar.class::isInstance)
                .map(n -> Value.of(((YamlScalar) n).text(), n.location()));
        Location at = document.location();
        if (named.isPresent() || exchange[0]) {
            Value<String> name = named.orElse(Value.of(serverName(file), at));
            return new Result(
                    Optional.of(new Server(name, List.of(), declared.toSpec(), at, null)),
                    Optional.empty(),
                    declared.sendConnectors);
        }
        if (declared.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), List.of());
        }
        return new Result(
                Optional.empty(),
                Optional.of(new ServerGroup(Value.of("dsc " + file.getFileName(), at), declared.toSpec(), at, true)),
                declared.sendConnectors);
    }

    private static String serverName(Path file) {
        String name = file.getFileName().toString();
        return name.replaceAll("(\\.dsc)?\\.ya?ml$", "");
    }

    private void resources(YamlNode node, Declarations out, boolean[] exchange) {
        if (!(node instanceof YamlSeq seq)) {
            return;
        }
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlMap resource)) {
                continue;
            }
            String type = resource.text("type").orElse("");
            YamlMap properties = resource.get("properties")
                    .filter(YamlMap.class::isInstance)
                    .map(YamlMap.class::cast)
                    .orElse(new YamlMap(List.of(), resource.location()));
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.equals("microsoft.windows/registry")) {
                registry(properties, out);
            } else if (lower.startsWith("exchangedsc/")) {
                exchange[0] = true;
                exchange(lower.substring("exchangedsc/".length()), properties, out);
            } else if (properties.get("resources").isPresent()) {
                // Microsoft.DSC/Group and the PowerShell adapters nest their resources.
                resources(properties.get("resources").get(), out, exchange);
            }
        }
    }

    private void registry(YamlMap properties, Declarations out) {
        Optional<YamlNode> keyNode = properties.get("keyPath");
        Optional<String> key = text(keyNode);
        Optional<RegistryPath> path = key.flatMap(RegistryPath::parse);
        if (path.isEmpty()) {
            return;
        }
        Location keyAt = keyNode.get().location();
        Optional<YamlNode> nameNode = properties.get("valueName");
        if (nameNode.isEmpty()) {
            return;
        }
        String name = text(nameNode).orElse("(Default)");
        boolean exists = properties
                .get("_exist")
                .filter(YamlScalar.class::isInstance)
                .map(e -> !((YamlScalar) e).text().equalsIgnoreCase("false"))
                .orElse(true);
        if (!exists) {
            out.put(
                    path.get(),
                    key.get(),
                    keyAt,
                    new RegistryValue(
                            name,
                            RegistryValue.Type.ABSENT,
                            null,
                            "",
                            nameNode.get().location()));
            return;
        }
        Optional<YamlNode> data = properties.get("valueData");
        if (data.isEmpty()
                || !(data.get() instanceof YamlMap typed)
                || typed.entries().isEmpty()) {
            return;
        }
        YamlMap.Entry value = typed.entries().get(0);
        Object raw = Values.plain(Values.of(value.value()).value());
        if (Jinja.isTemplate(raw) || (raw instanceof String s && s.startsWith("["))) {
            unresolved.report(
                    value.value().location(),
                    "valueData: the expression " + raw + " is not evaluated; the value is unknown");
            out.put(
                    path.get(),
                    key.get(),
                    keyAt,
                    Modules.unknown(name, value.value().location()));
            return;
        }
        String type = value.name().toLowerCase(Locale.ROOT);
        out.put(
                path.get(),
                key.get(),
                keyAt,
                Modules.typed(name, type, raw, value.value().location()));
    }

    private void exchange(String resource, YamlMap p, Declarations out) {
        if (resource.equals("exchexchangeserver")) {
            p.get("InternetWebProxy")
                    .filter(YamlScalar.class::isInstance)
                    .ifPresent(v -> out.internetWebProxy = Value.of(((YamlScalar) v).text(), v.location()));
        } else if (resource.equals("exchsendconnector")) {
            text(p.get("Name"))
                    .filter(n -> !text(p.get("Ensure")).orElse("").equalsIgnoreCase("Absent"))
                    .ifPresent(n -> out.sendConnectors.add(new SendConnector(
                            Value.of(n, p.get("Name").get().location()),
                            list(p, "AddressSpaces"),
                            list(p, "SmartHosts"),
                            list(p, "SourceTransportServers"),
                            value(p, "TlsAuthLevel"),
                            value(p, "TlsDomain"),
                            value(p, "TlsCertificateName"),
                            null,
                            bool(p, "RequireTLS"),
                            value(p, "Fqdn"),
                            bool(p, "DNSRoutingEnabled"),
                            null,
                            p.get("Name").get().location())));
        } else if (resource.equals("exchreceiveconnector")) {
            Optional<YamlNode> identity = p.get("Identity");
            if (identity.isEmpty() || text(identity).isEmpty()) {
                return;
            }
            String id = text(identity).get();
            out.connectors.add(new ReceiveConnector(
                    Value.of(id.substring(id.indexOf('\\') + 1), identity.get().location()),
                    value(p, "TransportRole"),
                    list(p, "Bindings"),
                    list(p, "RemoteIPRanges"),
                    value(p, "TlsCertificateName"),
                    list(p, "TlsDomainCapabilities"),
                    null,
                    value(p, "Fqdn"),
                    identity.get().location()));
        }
    }

    private static Value<String> value(YamlMap p, String name) {
        return p.get(name)
                .filter(YamlScalar.class::isInstance)
                .map(v -> Value.of(((YamlScalar) v).text(), v.location()))
                .orElse(null);
    }

    private static Value<Boolean> bool(YamlMap p, String name) {
        Value<String> text = value(p, name);
        return text == null ? null : Value.of(text.value().equalsIgnoreCase("true"), text.location());
    }

    private static List<Value<String>> list(YamlMap p, String name) {
        List<Value<String>> values = new ArrayList<>();
        p.get(name).ifPresent(n -> {
            if (n instanceof YamlSeq seq) {
                seq.items().stream()
                        .filter(YamlScalar.class::isInstance)
                        .forEach(i -> values.add(Value.of(((YamlScalar) i).text(), i.location())));
            } else if (n instanceof YamlScalar s) {
                values.add(Value.of(s.text(), s.location()));
            }
        });
        return values;
    }

    private static Optional<String> text(Optional<YamlNode> node) {
        return node.filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).text());
    }
}
