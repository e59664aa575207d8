package io.github.exchangecompliance.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PowerShell as administrators write it in {@code win_shell} and {@code win_powershell} (about_Parsing,
 * about_Splatting): statements end at a new line or a {@code ;} outside quotes, brackets and braces; a backtick at
 * the end of a line continues the statement on the next; {@code #} starts a comment and {@code <# #>} encloses one;
 * the commands inside a script block ({@code if (...) { ... }}, {@code foreach}) are read as statements of their own;
 * a hashtable assigned literally ({@code $params = @{ Name = 'Relay'; Bindings = '0.0.0.0:25' }}) and splatted into
 * a command ({@code New-ReceiveConnector @params}) gives the command those parameters. Nothing is run or evaluated
 * beyond that.
 */
final class PowerShell {

    /** A command: its words, quotes kept, and the splatted hashtables it names that are not known literally. */
    record Command(List<String> words, List<String> unknownSplats) {}

    private static final Pattern HASHTABLE = Pattern.compile("^\\$(\\w+)\\s*=\\s*@\\{(.*)\\}$", Pattern.DOTALL);
    private static final Pattern SPLAT = Pattern.compile("^@(\\w+)$");

    private PowerShell() {}

    /** The commands of a script, in order, each with the hashtables assigned before it splatted in. */
    static List<Command> commands(String script) {
        Map<String, Map<String, String>> hashtables = new LinkedHashMap<>();
        List<Command> commands = new ArrayList<>();
        for (String statement : statements(script)) {
            Matcher hashtable = HASHTABLE.matcher(statement);
            if (hashtable.matches()) {
                hashtables.put(hashtable.group(1).toLowerCase(Locale.ROOT), entries(hashtable.group(2)));
                continue;
            }
            List<String> words = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String word : Commands.tokens(statement)) {
                Matcher splat = SPLAT.matcher(word);
                if (!splat.matches()) {
                    words.add(word);
                    continue;
                }
                Map<String, String> parameters = hashtables.get(splat.group(1).toLowerCase(Locale.ROOT));
                if (parameters == null) {
                    unknown.add(word);
                } else {
                    parameters.forEach((name, value) -> {
                        words.add("-" + name);
                        words.add(value);
                    });
                }
            }
            if (!words.isEmpty()) {
                commands.add(new Command(words, unknown));
            }
        }
        return commands;
    }

    /** A hashtable literal's {@code Name = value} entries, separated by {@code ;} or new lines. */
    private static Map<String, String> entries(String body) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : statements(body)) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                String name = unquote(entry.substring(0, eq).strip());
                entries.put(name, entry.substring(eq + 1).strip());
            }
        }
        return entries;
    }

    /** The statements of a script, continuations joined and comments left out; each stripped, none blank. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int depth = 0;
        int length = script.length();
        for (int i = 0; i < length; i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '`' && quote == '"' && i + 1 < length) {
                    current.append(script.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '`' && i + 1 < length && Character.isWhitespace(script.charAt(i + 1))) {
                // A continuation (or an escaped space, which splits words just the same for what is read here).
                current.append(' ');
                i = skipContinuation(script, i + 1) - 1;
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == '<' && script.startsWith("<#", i)) {
                int end = script.indexOf("#>", i + 2);
                i = end < 0 ? length : end + 1;
            } else if (c == '#') {
                while (i + 1 < length && script.charAt(i + 1) != '\n' && script.charAt(i + 1) != '\r') {
                    i++;
                }
            } else if (c == '(' || (c == '{' && (depth > 0 || current.toString().endsWith("@")))) {
                // A hashtable, an array or a subexpression: one value, whatever lines or ';' it holds.
                depth++;
                current.append(c);
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
                current.append(c);
            } else if ((c == '\n' || c == '\r' || c == ';' || c == '{' || c == '}') && depth == 0) {
                // A script block's braces end a statement: the commands inside it are read as statements too.
                add(statements, current);
            } else {
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static int skipContinuation(String script, int from) {
        int i = from;
        while (i < script.length() && (script.charAt(i) == ' ' || script.charAt(i) == '\t')) {
            i++;
        }
        if (i < script.length() && script.charAt(i) == '\r') {
            i++;
        }
        if (i < script.length() && script.charAt(i) == '\n') {
            i++;
        }
        while (i < script.length() && (script.charAt(i) == ' ' || script.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    private static String unquote(String text) {
        if (text.length() >= 2
                && ((text.startsWith("'") && text.endsWith("'")) || (text.startsWith("\"") && text.endsWith("\"")))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
