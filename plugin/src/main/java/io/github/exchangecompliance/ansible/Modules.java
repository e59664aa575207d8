package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Numbers;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The modules whose tasks declare what the rules check (SPEC section 4.4): registry values ({@code win_regedit},
 * {@code win_dsc} with {@code Registry}), the WinHTTP proxy ({@code win_http_proxy}), ExchangeDsc resources, and
 * the literal PowerShell, {@code reg} and {@code netsh} commands of {@code win_shell}, {@code win_powershell} and
 * {@code win_command} ({@link Commands}).
 */
final class Modules {

    static final Set<String> REGEDIT =
            Set.of("win_regedit", "ansible.windows.win_regedit", "community.windows.win_regedit");
    static final Set<String> DSC = Set.of("win_dsc", "ansible.windows.win_dsc");
    static final Set<String> PROXY =
            Set.of("win_http_proxy", "ansible.windows.win_http_proxy", "community.windows.win_http_proxy");
    static final Set<String> SHELL = Set.of(
            "win_shell",
            "ansible.windows.win_shell",
            "win_powershell",
            "ansible.windows.win_powershell",
            "win_command",
            "ansible.windows.win_command");

    private Modules() {}

    private static final Set<String> KNOWN =
            Stream.of(REGEDIT, DSC, PROXY, SHELL).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    static boolean isKnown(String key) {
        return KNOWN.contains(key);
    }

    /** The task's module, when the plugin knows it (looked for in every task of every host). */
    static Optional<YamlMap.Entry> find(YamlMap task) {
        for (YamlMap.Entry entry : task.entries()) {
            if (KNOWN.contains(entry.name())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    static void apply(YamlMap.Entry module, YamlMap task, Jinja jinja, Reporter unresolved, Declarations out) {
        String name = module.name();
        Args args = new Args(module, task, jinja, unresolved);
        if (REGEDIT.contains(name)) {
            regedit(args, out);
        } else if (DSC.contains(name)) {
            dsc(args, out);
        } else if (PROXY.contains(name)) {
            Optional<Var> proxy = args.get("proxy");
            if (args.has("proxy") && proxy.isEmpty()) {
                return;
            }
            out.winHttpProxy = proxy.filter(p -> p.value() != null && !(p.value() instanceof Map))
                    .map(p -> Value.of(Jinja.stringOf(p.value()), p.location()))
                    .orElse(Value.of("direct", module.key().location()));
        } else {
            Commands.apply(args, out);
        }
    }

    private static void regedit(Args args, Declarations out) {
        Optional<Var> path = args.get("path", "key");
        Optional<Var> name = args.get("name", "entry", "value");
        if (path.isEmpty() || (args.has("name", "entry", "value") && name.isEmpty())) {
            return;
        }
        Optional<RegistryPath> key =
                RegistryPath.parse(Jinja.stringOf(path.get().value()));
        if (key.isEmpty()) {
            return;
        }
        String valueName = name.map(n -> Jinja.stringOf(n.value())).orElse("(Default)");
        String state = args.get("state")
                .map(s -> Jinja.stringOf(s.value()).toLowerCase(Locale.ROOT))
                .orElse("present");
        Location keyAt = path.get().location();
        if (state.equals("absent")) {
            if (name.isPresent()) {
                out.put(
                        key.get(),
                        key.get().text(),
                        keyAt,
                        new RegistryValue(
                                valueName,
                                RegistryValue.Type.ABSENT,
                                null,
                                "",
                                name.get().location()));
            }
            return;
        }
        String type = args.get("type", "datatype")
                .map(t -> Jinja.stringOf(t.value()).toLowerCase(Locale.ROOT))
                .orElse("string");
        Optional<Var> data = args.get("data");
        if (args.has("data") && data.isEmpty()) {
            out.put(key.get(), key.get().text(), keyAt, unknown(valueName, keyAt));
            return;
        }
        Location at = data.map(Var::location).orElse(name.map(Var::location).orElse(keyAt));
        Object raw = data.map(Var::value).orElse(null);
        out.put(key.get(), key.get().text(), keyAt, typed(valueName, type, raw, at));
    }

    /** A registry value from a module's type and data, as the module would write it. */
    static RegistryValue typed(String name, String type, Object raw, Location at) {
        Object data = Values.plain(raw);
        return switch (type) {
            case "dword", "qword" -> {
                Long number = number(data);
                yield number == null
                        ? new RegistryValue(name, RegistryValue.Type.UNKNOWN, null, "", at)
                        : new RegistryValue(
                                name,
                                type.equals("dword") ? RegistryValue.Type.DWORD : RegistryValue.Type.QWORD,
                                number,
                                data instanceof String s ? s.strip() : String.valueOf(number),
                                at);
            }
            case "expandstring" -> new RegistryValue(name, RegistryValue.Type.EXPAND_STRING, null, text(data), at);
            case "multistring" -> new RegistryValue(name, RegistryValue.Type.MULTI_STRING, null, text(data), at);
            case "binary" -> new RegistryValue(name, RegistryValue.Type.BINARY, null, text(data), at);
            default -> new RegistryValue(name, RegistryValue.Type.STRING, null, text(data), at);
        };
    }

    private static String text(Object data) {
        return data == null ? "" : Jinja.stringOf(data);
    }

    static Long number(Object data) {
        if (data instanceof Number n) {
            return n.longValue();
        }
        if (data instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (data instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            try {
                return Numbers.decimalOrHex(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static RegistryValue unknown(String name, Location at) {
        return new RegistryValue(name, RegistryValue.Type.UNKNOWN, null, "", at);
    }

    private static void dsc(Args args, Declarations out) {
        String resource =
                args.get("resource_name").map(r -> Jinja.stringOf(r.value())).orElse("");
        switch (resource) {
            case "Registry" -> dscRegistry(args, out);
            case "ExchReceiveConnector" -> connector(args, out);
            case "ExchSendConnector" -> sendConnector(args, out);
            case "ExchExchangeServer" ->
                args.get("InternetWebProxy")
                        .ifPresent(p -> out.internetWebProxy = Value.of(Jinja.stringOf(p.value()), p.location()));
            default -> {}
        }
    }

    private static void dscRegistry(Args args, Declarations out) {
        Optional<Var> key = args.get("Key");
        Optional<RegistryPath> path = key.flatMap(k -> RegistryPath.parse(Jinja.stringOf(k.value())));
        if (path.isEmpty()) {
            return;
        }
        String name = args.get("ValueName").map(n -> Jinja.stringOf(n.value())).orElse("(Default)");
        boolean absent = args.get("Ensure")
                .map(e -> Jinja.stringOf(e.value()).equalsIgnoreCase("Absent"))
                .orElse(false);
        Optional<Var> data = args.get("ValueData");
        Location at = data.map(Var::location).orElse(key.get().location());
        if (absent) {
            out.put(
                    path.get(),
                    path.get().text(),
                    key.get().location(),
                    new RegistryValue(name, RegistryValue.Type.ABSENT, null, "", at));
            return;
        }
        if (args.has("ValueData") && data.isEmpty()) {
            out.put(path.get(), path.get().text(), key.get().location(), unknown(name, at));
            return;
        }
        Object value = data.map(d -> Values.plain(d.value())).orElse(null);
        if (value instanceof List<?> list && list.size() == 1) {
            value = Values.plain(list.get(0));
        }
        String type = args.get("ValueType")
                .map(t -> Jinja.stringOf(t.value()).toLowerCase(Locale.ROOT))
                .orElse("string");
        boolean hex = args.get("Hex").map(h -> Jinja.truthy(h.value())).orElse(false);
        if (hex && value instanceof String s && !s.startsWith("0x")) {
            value = "0x" + s;
        }
        out.put(path.get(), path.get().text(), key.get().location(), typed(name, type, value, at));
    }

    private static void connector(Args args, Declarations out) {
        boolean absent = args.get("Ensure")
                .map(e -> Jinja.stringOf(e.value()).equalsIgnoreCase("Absent"))
                .orElse(false);
        Optional<Var> identity = args.get("Identity");
        if (absent || identity.isEmpty()) {
            return;
        }
        String id = Jinja.stringOf(identity.get().value());
        String name = id.contains("\\") ? id.substring(id.indexOf('\\') + 1) : id;
        out.connectors.add(new ReceiveConnector(
                Value.of(name, identity.get().location()),
                args.get("TransportRole")
                        .map(r -> Value.of(Jinja.stringOf(r.value()), r.location()))
                        .orElse(null),
                args.list("Bindings"),
                args.list("RemoteIPRanges"),
                args.get("TlsCertificateName")
                        .map(r -> Value.of(Jinja.stringOf(r.value()), r.location()))
                        .orElse(null),
                args.list("TlsDomainCapabilities"),
                null,
                args.get("Fqdn")
                        .map(r -> Value.of(Jinja.stringOf(r.value()), r.location()))
                        .orElse(null),
                identity.get().location()));
        out.noteLocation(identity.get().location());
    }

    /**
     * ExchangeDsc's {@code ExchSendConnector} (key {@code Name}). It has no {@code CloudServicesMailEnabled}: a
     * native connector of the same name can declare it.
     */
    private static void sendConnector(Args args, Declarations out) {
        boolean absent = args.get("Ensure")
                .map(e -> Jinja.stringOf(e.value()).equalsIgnoreCase("Absent"))
                .orElse(false);
        Optional<Var> name = args.get("Name");
        if (absent || name.isEmpty()) {
            return;
        }
        out.sendConnectors.add(new SendConnector(
                Value.of(Jinja.stringOf(name.get().value()), name.get().location()),
                args.list("AddressSpaces"),
                args.list("SmartHosts"),
                args.list("SourceTransportServers"),
                text(args, "TlsAuthLevel"),
                text(args, "TlsDomain"),
                text(args, "TlsCertificateName"),
                null,
                bool(args, "RequireTLS"),
                text(args, "Fqdn"),
                bool(args, "DNSRoutingEnabled"),
                null,
                name.get().location()));
        out.noteLocation(name.get().location());
    }

    private static Value<String> text(Args args, String name) {
        return args.get(name)
                .map(v -> Value.of(Jinja.stringOf(v.value()), v.location()))
                .orElse(null);
    }

    private static Value<Boolean> bool(Args args, String name) {
        return args.get(name)
                .map(v -> Value.of(Jinja.truthy(v.value()), v.location()))
                .orElse(null);
    }

    /** A module's parameters, rendered; a parameter that cannot be evaluated is an EX0003 note and empty. */
    static final class Args {
        final YamlMap.Entry module;
        final YamlMap task;
        final Jinja jinja;
        final Reporter unresolved;

        Args(YamlMap.Entry module, YamlMap task, Jinja jinja, Reporter unresolved) {
            this.module = module;
            this.task = task;
            this.jinja = jinja;
            this.unresolved = unresolved;
        }

        private Optional<YamlNode> node(String... names) {
            if (!(module.value() instanceof YamlMap map)) {
                return Optional.empty();
            }
            for (String name : names) {
                Optional<YamlNode> found = map.get(name);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }

        boolean has(String... names) {
            return node(names).isPresent();
        }

        Optional<Var> get(String... names) {
            Optional<YamlNode> node = node(names);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            Var written = Values.of(node.get());
            try {
                return Optional.of(jinja.render(Values.plain(written), written.location()));
            } catch (Unresolved e) {
                unresolved.report(node.get().location(), names[0] + ": " + e.getMessage() + "; the value is unknown");
                return Optional.empty();
            }
        }

        /**
         * A list parameter (a YAML list, or a comma-separated string as win_dsc accepts). Ansible renders the
         * templates inside a list too: an element it cannot render is an EX0003 note and left out.
         */
        List<Value<String>> list(String name) {
            List<Value<String>> values = new ArrayList<>();
            get(name).ifPresent(v -> {
                Object plain = Values.plain(v.value());
                if (plain instanceof List<?> list) {
                    for (Object item : list) {
                        Var written = item instanceof Var var ? var : new Var(item, v.location());
                        try {
                            Var element = jinja.render(Values.plain(written), written.location());
                            values.add(Value.of(Jinja.stringOf(Values.plain(element.value())), element.location()));
                        } catch (Unresolved e) {
                            unresolved.report(
                                    written.location(), name + ": " + e.getMessage() + "; the element is unknown");
                        }
                    }
                } else if (plain != null) {
                    for (String part : Jinja.stringOf(plain).split(",")) {
                        values.add(Value.of(part.strip(), v.location()));
                    }
                }
            });
            return values;
        }

        /** The module's free-form text (win_shell: the command), or its {@code cmd}/{@code script} parameter. */
        Optional<Var> freeForm() {
            if (module.value() instanceof YamlScalar s) {
                try {
                    return Optional.of(jinja.render(s.text(), s.location()));
                } catch (Unresolved e) {
                    unresolved.report(s.location(), "the command " + e.getMessage() + "; what it sets is unknown");
                    return Optional.empty();
                }
            }
            return get("cmd", "script", "_raw_params");
        }
    }
}
