package io.github.exchangecompliance.ansible;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jinja expression ({@code item.0 | default('x')}) as parsed for {@link Jinja}: what it starts from, and its
 * filters. A text is parsed once: with thousands of hosts the same few expressions are evaluated for each, with
 * each host's variables. Parsing never fails; what cannot be evaluated fails when it is evaluated, in the order
 * Jinja would meet it.
 *
 * @param primaryText what the filters apply to, as written and stripped (what messages name)
 * @param primary what the filters apply to, as parsed
 * @param filters the filters, in order
 */
record Expression(String primaryText, Primary primary, List<Filter> filters) {

    /**
     * A variable and its steps. Possessive throughout: a repeated group is otherwise matched by recursion, and a
     * lookup of 2,000 steps ({@code x.a.a...}) overflowed the stack.
     */
    private static final Pattern VARIABLE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*+(?:\\.[A-Za-z0-9_]++|\\[(?:'[^']*+'|\"[^\"]*+\"|\\d++)])*+");

    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[('([^']*)'|\"([^\"]*)\"|(\\d+))]");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");
    private static final Pattern CALL = Pattern.compile("([a-z_][a-z0-9_]*)\\s*(?:\\((.*)\\))?", Pattern.DOTALL);

    /** Expressions parsed so far, by text. The texts come from the repository's files: a few hundred kept do. */
    private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

    private static final int KEPT = 4096;
    /** Longer texts are parsed each time: kept, thousands of them would hold on to much memory. */
    private static final int KEPT_LENGTH = 1024;
    /**
     * Filters within filters' arguments deeper than this are not evaluated: no template needs them, and each level
     * is a level of the parser's and the evaluator's stacks.
     */
    private static final int DEEPEST = 16;

    /** What the filters apply to: a literal, a variable and the steps into it, or something not evaluated. */
    sealed interface Primary permits Literal, Lookup, Unsupported {}

    /** A literal: a quoted string, an integer, true, false or none (null). */
    record Literal(Object value) implements Primary {}

    /** A variable and the keys or list indexes to follow into it ({@code item.key}, {@code item['value']}). */
    record Lookup(String name, List<Step> steps) implements Primary {}

    /** One step into a value: a key, which is also a list index when {@code index} is not negative. */
    record Step(String key, int index) {}

    /** More than a variable and the filters the plugin evaluates. */
    record Unsupported() implements Primary {}

    /**
     * A filter: its name and arguments, or a null name when it is not a call the plugin can read.
     *
     * @param text the filter as written, stripped
     */
    record Filter(String text, String name, List<Expression> arguments) {}

    static Expression of(String text) {
        if (text.length() > KEPT_LENGTH) {
            return parse(text, 0);
        }
        Expression parsed = PARSED.get(text);
        if (parsed == null) {
            parsed = parse(text, 0);
            if (PARSED.size() >= KEPT) {
                PARSED.clear();
            }
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    private static Expression parse(String text, int depth) {
        if (depth > DEEPEST) {
            return new Expression(text, new Unsupported(), List.of());
        }
        List<String> parts = Jinja.splitTopLevel(text, '|');
        String primary = parts.get(0).strip();
        List<Filter> filters = new ArrayList<>();
        for (String filter : parts.subList(1, parts.size())) {
            filters.add(filter(filter.strip(), depth));
        }
        return new Expression(primary, primary(primary), List.copyOf(filters));
    }

    private static Primary primary(String text) {
        Object literal = literal(text);
        if (literal != NOT_LITERAL) {
            return new Literal(literal);
        }
        if (!VARIABLE.matcher(text).matches()) {
            return new Unsupported();
        }
        Matcher name = NAME.matcher(text);
        name.find();
        List<Step> steps = new ArrayList<>();
        Matcher step = STEP.matcher(text);
        step.region(name.end(), text.length());
        while (step.find()) {
            String key = step.group(1) != null
                    ? step.group(1)
                    : step.group(3) != null ? step.group(3) : step.group(4) != null ? step.group(4) : step.group(5);
            steps.add(new Step(key, INDEX.matcher(key).matches() ? Integer.parseInt(key) : -1));
        }
        return new Lookup(name.group(), List.copyOf(steps));
    }

    private static final Object NOT_LITERAL = new Object();

    private static Object literal(String text) {
        if (text.length() >= 2
                && ((text.startsWith("'") && text.endsWith("'")) || (text.startsWith("\"") && text.endsWith("\"")))) {
            return text.substring(1, text.length() - 1);
        }
        if (INTEGER.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return text; // beyond 64 bits: no registry value holds it, and its digits say what it was
            }
        }
        return switch (text) {
            case "true", "True" -> true;
            case "false", "False" -> false;
            case "none", "None" -> null;
            default -> NOT_LITERAL;
        };
    }

    private static Filter filter(String text, int depth) {
        Matcher call = CALL.matcher(text);
        if (!call.matches()) {
            return new Filter(text, null, List.of());
        }
        List<Expression> arguments = new ArrayList<>();
        if (call.group(2) != null && !call.group(2).isBlank()) {
            for (String argument : Jinja.splitTopLevel(call.group(2), ',')) {
                arguments.add(parse(argument.strip(), depth + 1));
            }
        }
        return new Filter(text, call.group(1), List.copyOf(arguments));
    }
}
