package io.github.exchangecompliance.load;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Binds a server's receive connectors and the organization's send connectors, each name once in its list. */
final class Connectors {

    static final List<String> TRANSPORT_ROLES = List.of("FrontendTransport", "HubTransport");
    static final List<String> TLS_AUTH_LEVELS = List.of("EncryptionOnly", "CertificateValidation", "DomainValidation");

    private final Reporter schema;

    Connectors(Reporter schema) {
        this.schema = schema;
    }

    /** A server's {@code receiveConnectors}; null when it declares none. */
    List<ReceiveConnector> receive(YamlSeq seq, String where) {
        if (seq == null) {
            return null;
        }
        List<ReceiveConnector> connectors = new ArrayList<>();
        Names names = new Names("receive connector", where);
        for (YamlNode item : seq.items()) {
            Fields c = Fields.of(item, where + " receive connector", schema);
            if (c == null) {
                continue;
            }
            Value<String> name = names.add(c.requiredString("name"));
            connectors.add(new ReceiveConnector(
                    name,
                    c.oneOf("transportRole", TRANSPORT_ROLES),
                    orEmpty(c.strings("bindings")),
                    orEmpty(c.strings("remoteIPRanges")),
                    c.string("tlsCertificateName"),
                    orEmpty(c.strings("tlsDomainCapabilities")),
                    c.bool("hybrid"),
                    c.string("fqdn"),
                    item.location()));
            c.finish();
        }
        return connectors;
    }

    /** The organization's {@code sendConnectors}; empty when it declares none. */
    List<SendConnector> send(YamlSeq seq, String where) {
        List<SendConnector> connectors = new ArrayList<>();
        if (seq == null) {
            return connectors;
        }
        Names names = new Names("send connector", where);
        for (YamlNode item : seq.items()) {
            Fields c = Fields.of(item, where + " send connector", schema);
            if (c == null) {
                continue;
            }
            Value<String> name = names.add(c.requiredString("name"));
            if (name != null) {
                connectors.add(new SendConnector(
                        name,
                        orEmpty(c.strings("addressSpaces")),
                        orEmpty(c.strings("smartHosts")),
                        orEmpty(c.strings("sourceTransportServers")),
                        c.oneOf("tlsAuthLevel", TLS_AUTH_LEVELS),
                        c.string("tlsDomain"),
                        c.string("tlsCertificateName"),
                        c.bool("cloudServicesMailEnabled"),
                        c.bool("requireTls"),
                        c.string("fqdn"),
                        c.bool("dnsRoutingEnabled"),
                        c.bool("hybrid"),
                        item.location()));
            }
            c.finish();
        }
        return connectors;
    }

    private static List<Value<String>> orEmpty(List<Value<String>> values) {
        return values == null ? List.of() : values;
    }

    /** The names met so far in one list: Exchange names connectors without regard to case. */
    private final class Names {
        private final Map<String, Value<String>> seen = new LinkedHashMap<>();
        private final String what;
        private final String where;

        Names(String what, String where) {
            this.what = what;
            this.where = where;
        }

        Value<String> add(Value<String> name) {
            Value<String> first =
                    name == null ? null : seen.putIfAbsent(name.value().toLowerCase(Locale.ROOT), name);
            if (first != null) {
                schema.report(
                        name.location(),
                        "a second " + what + " named '" + name.value() + "' in " + where + " (first at line "
                                + first.location().line() + ")");
            }
            return name;
        }
    }
}
