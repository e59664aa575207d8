package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.ReceiveConnector;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.SendConnector;
import io.github.exchangecompliance.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The literal commands of {@code win_shell}, {@code win_powershell} and {@code win_command} that declare what the
 * rules check: {@code Set-ItemProperty}/{@code New-ItemProperty -Path -Name -Value}, {@code reg add},
 * {@code netsh winhttp set proxy}, {@code Set-ExchangeServer -InternetWebProxy},
 * {@code Set-OrganizationConfig -MitigationsEnabled}, {@code Set-ReceiveConnector}/{@code New-ReceiveConnector} and
 * {@code Set-SendConnector}/{@code New-SendConnector}.
 * Other commands are not guessed at.
 */
final class Commands {

    private Commands() {}

    static void apply(Modules.Args args, Declarations out) {
        Optional<Var> command = args.freeForm();
        if (command.isEmpty() || !(command.get().value() instanceof String text)) {
            return;
        }
        Location at = command.get().location();
        for (PowerShell.Command statement : PowerShell.commands(text)) {
            List<String> tokens = command(statement.words());
            if (tokens.isEmpty()) {
                continue;
            }
            String verb = tokens.get(0).toLowerCase(Locale.ROOT);
            if (READ.contains(verb) && !statement.unknownSplats().isEmpty()) {
                args.unresolved.report(
                        at,
                        tokens.get(0) + " takes its parameters from "
                                + String.join(", ", statement.unknownSplats())
                                + ", which is not a hashtable written in the "
                                + "same script; what it sets is unknown");
                continue;
            }
            Optional<String> variable =
                    tokens.stream().skip(1).filter(Commands::isVariable).findFirst();
            if (READ.contains(verb) && variable.isPresent()) {
                args.unresolved.report(
                        at,
                        tokens.get(0) + " uses the PowerShell variable " + variable.get()
                                + ", which the plugin does not evaluate; what it sets is unknown");
                continue;
            }
            switch (verb) {
                case "set-itemproperty", "new-itemproperty" -> itemProperty(parameters(tokens), at, out);
                case "reg", "reg.exe" -> regAdd(tokens, at, out);
                case "netsh", "netsh.exe" -> netsh(tokens, at, out);
                case "set-exchangeserver" ->
                    parameter(parameters(tokens), "internetwebproxy")
                            .ifPresent(p -> out.internetWebProxy = Value.of(p, at));
                case "set-organizationconfig" ->
                    parameter(parameters(tokens), "mitigationsenabled")
                            .ifPresent(p -> out.organizationMitigations =
                                    Value.of(p.toLowerCase(Locale.ROOT).contains("true"), at));
                case "set-receiveconnector", "new-receiveconnector" -> connector(parameters(tokens), at, out);
                case "set-sendconnector", "new-sendconnector" -> sendConnector(parameters(tokens), at, out);
                default -> {}
            }
        }
    }

    /** The commands read (in lower case): what one of them sets with a value the plugin cannot see is a note. */
    private static final Set<String> READ = Set.of(
            "set-itemproperty",
            "new-itemproperty",
            "set-exchangeserver",
            "set-organizationconfig",
            "set-receiveconnector",
            "new-receiveconnector",
            "set-sendconnector",
            "new-sendconnector");

    /** A PowerShell variable as a value ({@code $ranges}, {@code $env:COMPUTERNAME}), but not a constant. */
    private static boolean isVariable(String token) {
        String t = unquote(token);
        return t.startsWith("$")
                && t.length() > 1
                && !CONSTANTS.contains(t.toLowerCase(Locale.ROOT))
                && !t.toLowerCase(Locale.ROOT).startsWith("$env:computername")
                && !token.startsWith("'");
    }

    private static final Set<String> CONSTANTS = Set.of("$true", "$false", "$null");

    /**
     * The command of a statement without what only discards its output: {@code $null = }, {@code [void]} before
     * it, a pipe ({@code | Out-Null}) after it.
     */
    private static List<String> command(List<String> tokens) {
        List<String> command = tokens;
        if (command.size() > 2
                && command.get(0).startsWith("$")
                && command.get(1).equals("=")) {
            command = command.subList(2, command.size());
        } else if (!command.isEmpty() && command.get(0).equalsIgnoreCase("[void]")) {
            command = command.subList(1, command.size());
        }
        int pipe = command.indexOf("|");
        return pipe < 0 ? command : command.subList(0, pipe);
    }

    private static void itemProperty(Map<String, String> p, Location at, Declarations out) {
        Optional<RegistryPath> path = parameter(p, "path", "literalpath").flatMap(RegistryPath::parse);
        Optional<String> name = parameter(p, "name");
        Optional<String> value = parameter(p, "value");
        if (path.isEmpty() || name.isEmpty() || value.isEmpty()) {
            return;
        }
        String type = parameter(p, "type", "propertytype")
                .map(t -> t.toLowerCase(Locale.ROOT))
                .orElse(Modules.number(value.get()) != null ? "dword" : "string");
        out.put(path.get(), path.get().text(), at, Modules.typed(name.get(), type, value.get(), at));
    }

    /**
     * {@code reg add "<key>" /v <name> /t REG_DWORD /d <data> /f}, where {@code /reg:32} writes to the 32-bit view
     * (HKLM\SOFTWARE\Wow6432Node).
     */
    private static void regAdd(List<String> tokens, Location at, Declarations out) {
        if (tokens.size() < 3 || !tokens.get(1).equalsIgnoreCase("add")) {
            return;
        }
        Optional<RegistryPath> path = RegistryPath.parse(unquote(tokens.get(2)));
        Map<String, String> switches = new LinkedHashMap<>();
        for (int i = 3; i < tokens.size(); i++) {
            String t = tokens.get(i).toLowerCase(Locale.ROOT);
            if (REG_FLAGS.contains(t)) {
                switches.put(t, "");
            } else if (t.startsWith("/") && i + 1 < tokens.size()) {
                switches.put(t, unquote(tokens.get(++i)));
            }
        }
        if (path.isEmpty() || !switches.containsKey("/v")) {
            return;
        }
        if (switches.containsKey("/reg:32")) {
            path = path.map(Commands::thirtyTwoBitView);
        }
        String type = switches.getOrDefault("/t", "REG_SZ")
                .toLowerCase(Locale.ROOT)
                .replace("reg_", "")
                .replace("sz", "string")
                .replace("expand_string", "expandstring")
                .replace("multi_string", "multistring");
        out.put(
                path.get(),
                path.get().text(),
                at,
                Modules.typed(switches.get("/v"), type, switches.getOrDefault("/d", ""), at));
    }

    /** The switches of {@code reg add} that take no value. */
    private static final Set<String> REG_FLAGS = Set.of("/f", "/ve", "/reg:32", "/reg:64");

    /** Where a 32-bit process's write to HKLM\SOFTWARE lands: under Wow6432Node. */
    private static RegistryPath thirtyTwoBitView(RegistryPath path) {
        List<String> segments = path.segments();
        if (!path.hive().equals("HKLM")
                || segments.isEmpty()
                || !segments.get(0).equalsIgnoreCase("SOFTWARE")
                || (segments.size() > 1 && segments.get(1).equalsIgnoreCase("Wow6432Node"))) {
            return path;
        }
        List<String> redirected = new ArrayList<>(segments);
        redirected.add(1, "Wow6432Node");
        return new RegistryPath(path.hive(), redirected);
    }

    /** {@code netsh winhttp set proxy [proxy-server=]host:port} and {@code netsh winhttp reset proxy}. */
    private static void netsh(List<String> tokens, Location at, Declarations out) {
        String line = String.join(" ", tokens).toLowerCase(Locale.ROOT);
        if (line.startsWith("netsh winhttp reset proxy")) {
            out.winHttpProxy = Value.of("direct", at);
        } else if (line.startsWith("netsh winhttp set proxy") && tokens.size() > 4) {
            String proxy = tokens.get(4);
            out.winHttpProxy = Value.of(proxy.replaceFirst("(?i)^proxy-server=", ""), at);
        }
    }

    private static void connector(Map<String, String> p, Location at, Declarations out) {
        Optional<String> identity = parameter(p, "identity", "name");
        if (identity.isEmpty()) {
            return;
        }
        String id = identity.get();
        String name = id.contains("\\") ? id.substring(id.indexOf('\\') + 1) : id;
        out.connectors.add(new ReceiveConnector(
                Value.of(name, at),
                text(p, "transportrole", at),
                list(p, "bindings", at),
                list(p, "remoteipranges", at),
                text(p, "tlscertificatename", at),
                list(p, "tlsdomaincapabilities", at),
                null,
                text(p, "fqdn", at),
                at));
        out.noteLocation(at);
    }

    /**
     * {@code New-SendConnector -Name}, {@code Set-SendConnector -Identity}: a boolean parameter is {@code $true} or
     * {@code $false}, and written alone it is a switch, true.
     */
    private static void sendConnector(Map<String, String> p, Location at, Declarations out) {
        Optional<String> name = parameter(p, "identity", "name");
        if (name.isEmpty()) {
            return;
        }
        out.sendConnectors.add(new SendConnector(
                Value.of(name.get(), at),
                list(p, "addressspaces", at),
                list(p, "smarthosts", at),
                list(p, "sourcetransportservers", at),
                text(p, "tlsauthlevel", at),
                text(p, "tlsdomain", at),
                text(p, "tlscertificatename", at),
                bool(p, "cloudservicesmailenabled", at),
                bool(p, "requiretls", at),
                text(p, "fqdn", at),
                bool(p, "dnsroutingenabled", at),
                null,
                at));
        out.noteLocation(at);
    }

    private static Value<String> text(Map<String, String> p, String name, Location at) {
        return parameter(p, name).map(v -> Value.of(v, at)).orElse(null);
    }

    private static Value<Boolean> bool(Map<String, String> p, String name, Location at) {
        return parameter(p, name)
                .map(v -> Value.of(v.isEmpty() || v.equalsIgnoreCase("$true") || v.equalsIgnoreCase("true"), at))
                .orElse(null);
    }

    private static List<Value<String>> list(Map<String, String> p, String name, Location at) {
        List<Value<String>> values = new ArrayList<>();
        parameter(p, name).map(Commands::withoutArrayBrackets).ifPresent(v -> {
            for (String part : v.split(",")) {
                String item = unquote(part.strip());
                if (!item.isEmpty()) {
                    values.add(Value.of(item, at));
                }
            }
        });
        return values;
    }

    /** The elements of an array written {@code @('a', 'b')} or {@code ('a', 'b')}: the list without its brackets. */
    private static String withoutArrayBrackets(String value) {
        String v = value.strip();
        if (v.startsWith("@(") && v.endsWith(")")) {
            return v.substring(2, v.length() - 1);
        }
        return v.startsWith("(") && v.endsWith(")") ? v.substring(1, v.length() - 1) : v;
    }

    private static Optional<String> parameter(Map<String, String> p, String... names) {
        for (String name : names) {
            if (p.containsKey(name)) {
                return Optional.of(unquote(p.get(name)));
            }
        }
        return Optional.empty();
    }

    /** {@code -Name value} pairs, names in lower case; a value runs until the next parameter. */
    private static Map<String, String> parameters(List<String> tokens) {
        Map<String, String> p = new LinkedHashMap<>();
        String current = null;
        StringBuilder value = new StringBuilder();
        for (String token : tokens.subList(1, tokens.size())) {
            if (token.startsWith("-") && token.length() > 1 && Character.isLetter(token.charAt(1))) {
                if (current != null) {
                    p.put(current, value.toString().strip());
                }
                String name = token.substring(1).toLowerCase(Locale.ROOT);
                int colon = name.indexOf(':');
                current = colon > 0 ? name.substring(0, colon) : name;
                value.setLength(0);
                if (colon > 0) {
                    value.append(token.substring(colon + 2));
                }
            } else if (current != null) {
                value.append(value.length() == 0 ? "" : " ").append(token);
            }
        }
        if (current != null) {
            p.put(current, value.toString().strip());
        }
        return p;
    }

    /** Splits a command line on white space outside quotes, keeping the quotes on quoted tokens. */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                token.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                token.append(c);
            } else if (Character.isWhitespace(c)) {
                if (token.length() > 0) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith("\"") && t.endsWith("\"")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
