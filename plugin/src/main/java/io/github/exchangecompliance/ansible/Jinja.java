package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.model.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Jinja2 that infrastructure code uses for values, and no more: {@code {{ name }}}, dotted and
 * bracketed lookups ({@code item.key}, {@code item['value']}), literals, and the filters {@code default},
 * {@code ternary}, {@code bool}, {@code int}, {@code string}, {@code lower}, {@code upper} and (for loops)
 * {@code dict2items}. Anything else is
 * {@link Unresolved}: the plugin does not guess.
 */
public final class Jinja {

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    /**
     * The longest text a template may render to: far more than any registry value, path or connector setting, and
     * small enough that variables which each double the one before ({@code a2: "{{ a1 }} {{ a1 }}"}) stop here
     * instead of taking the memory of the build.
     */
    static final int LONGEST_RENDERED = 1 << 16;

    private final Map<String, Var> variables;

    public Jinja(Map<String, Var> variables) {
        this.variables = variables;
    }

    public static boolean isTemplate(Object value) {
        return value instanceof String s && (s.contains("{{") || s.contains("{%"));
    }

    /**
     * Renders a value: a string with {@code {{ }}} is evaluated (a string that is only one expression keeps the
     * expression's type and the location of the variable it came from); anything else is returned as it is.
     */
    public Var render(Object value, Location at) throws Unresolved {
        Var rendered = renderOnce(value, at);
        // Ansible renders what a variable holds as well: a variable may hold another template.
        for (int depth = 0; depth < 10 && isTemplate(rendered.value()); depth++) {
            rendered = renderOnce(rendered.value(), rendered.location());
        }
        if (isTemplate(rendered.value())) {
            throw new Unresolved(
                    "the template still holds a template after 10 renderings (a variable that refers " + "to itself?)");
        }
        return rendered;
    }

    private Var renderOnce(Object value, Location at) throws Unresolved {
        if (!(value instanceof String text) || !isTemplate(text)) {
            return new Var(value, at);
        }
        if (text.contains("{%")) {
            throw new Unresolved("Jinja statements ({% %}) are not evaluated");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{{") && trimmed.endsWith("}}") && trimmed.indexOf("{{", 2) < 0) {
            return evaluate(trimmed.substring(2, trimmed.length() - 2).strip(), at);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = EXPRESSION.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            Var part = evaluate(m.group(1).strip(), at);
            out.append(part.value() == null ? "" : stringOf(part.value()));
            last = m.end();
            if (out.length() > LONGEST_RENDERED) {
                throw new Unresolved("the template renders to more than " + LONGEST_RENDERED + " characters");
            }
        }
        out.append(text, last, text.length());
        return new Var(out.toString(), at);
    }

    Var evaluate(String expression, Location at) throws Unresolved {
        return evaluate(Expression.of(expression), at);
    }

    private Var evaluate(Expression parsed, Location at) throws Unresolved {
        Var value = primary(parsed, at);
        for (Expression.Filter filter : parsed.filters()) {
            value = filter(value, filter, at);
        }
        if (value.value() instanceof Missing missing) {
            throw new Unresolved("the variable '" + missing.name() + "' is not defined where the plugin looks "
                    + "(play vars, role defaults and vars, group_vars, host_vars)");
        }
        return value;
    }

    /** A variable that is not defined: only {@code default} may stand in for it. */
    private record Missing(String name) {}

    private Var primary(Expression expression, Location at) throws Unresolved {
        String text = expression.primaryText();
        if (expression.primary() instanceof Expression.Literal literal) {
            return new Var(literal.value(), at);
        }
        if (!(expression.primary() instanceof Expression.Lookup lookup)) {
            throw new Unresolved("the expression '" + text + "' is more than a variable and the filters default, "
                    + "ternary, bool, int, string, lower and upper");
        }
        Var current = variables.get(lookup.name());
        if (current == null) {
            return new Var(new Missing(lookup.name()), at);
        }
        for (Expression.Step step : lookup.steps()) {
            Object next;
            if (current.value() instanceof Map<?, ?> map) {
                next = map.get(step.key());
            } else if (current.value() instanceof List<?> list && step.index() >= 0 && step.index() < list.size()) {
                next = list.get(step.index());
            } else {
                return new Var(new Missing(text), at);
            }
            if (next == null) {
                return new Var(new Missing(text), at);
            }
            current = next instanceof Var v ? v : new Var(next, current.location());
        }
        return current;
    }

    private Var filter(Var value, Expression.Filter filter, Location at) throws Unresolved {
        if (filter.name() == null) {
            throw new Unresolved("the filter '" + filter.text() + "' is not evaluated");
        }
        List<Var> args = new ArrayList<>();
        for (Expression argument : filter.arguments()) {
            args.add(evaluate(argument, at));
        }
        String name = filter.name();
        if (name.equals("default") || name.equals("d")) {
            boolean missing = value.value() instanceof Missing;
            boolean falsy = args.size() > 1 && Boolean.TRUE.equals(args.get(1).value()) && !truthy(value.value());
            return missing || falsy ? (args.isEmpty() ? new Var("", at) : args.get(0)) : value;
        }
        if (value.value() instanceof Missing missing) {
            throw new Unresolved("the variable '" + missing.name() + "' is not defined where the plugin looks "
                    + "(play vars, role defaults and vars, group_vars, host_vars)");
        }
        Object v = value.value();
        return switch (name) {
            case "ternary" -> {
                if (args.size() < 2) {
                    throw new Unresolved("ternary needs two values");
                }
                // The value comes from the literal, but the variable decided it: that is what to change.
                yield new Var((truthy(v) ? args.get(0) : args.get(1)).value(), value.location());
            }
            case "bool" -> new Var(truthy(v), value.location());
            case "int" -> new Var(toLong(v), value.location());
            case "string" -> new Var(v == null ? "" : stringOf(v), value.location());
            case "lower" -> new Var(stringOf(v).toLowerCase(Locale.ROOT), value.location());
            case "dict2items" -> {
                if (!(v instanceof Map<?, ?> map)) {
                    throw new Unresolved("dict2items needs a mapping");
                }
                List<Object> items = new ArrayList<>();
                map.forEach((k, val) -> {
                    Map<String, Object> item = new java.util.LinkedHashMap<>();
                    item.put("key", new Var(k, value.location()));
                    item.put("value", val);
                    items.add(new Var(item, val instanceof Var var ? var.location() : value.location()));
                });
                yield new Var(items, value.location());
            }
            case "upper" -> new Var(stringOf(v).toUpperCase(Locale.ROOT), value.location());
            default -> throw new Unresolved("the filter '" + name + "' is not evaluated");
        };
    }

    /** Ansible's truthiness for conditions and the bool filter. */
    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        if (value instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("1") || t.equals("y");
        }
        return value != null
                && !(value instanceof Map<?, ?> m && m.isEmpty())
                && !(value instanceof List<?> l && l.isEmpty());
    }

    private static long toLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            String t = String.valueOf(value).strip();
            return Numbers.decimalOrHex(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String stringOf(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }

    /** Splits on a separator outside quotes and brackets. */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * Decides a {@code when:} condition when it is a variable (possibly negated with {@code not}), a literal, or
     * a comparison of those with {@code ==} or {@code !=}; anything else is {@link Unresolved}.
     */
    public boolean decide(String condition, Location at) throws Unresolved {
        String written = condition.strip();
        // Each "not" is counted, not decided in turn: a condition of a million of them must not go a million deep.
        boolean negated = false;
        int from = 0;
        while (written.startsWith("not ", from)) {
            from += 4;
            while (from < written.length() && Character.isWhitespace(written.charAt(from))) {
                from++;
            }
            negated = !negated;
        }
        return negated != decideWithoutNot(written.substring(from), at);
    }

    private boolean decideWithoutNot(String c, Location at) throws Unresolved {
        for (String op : List.of("==", "!=")) {
            List<String> sides = splitTopLevel(c, op.charAt(0));
            int index = c.indexOf(op);
            if (index > 0 && sides.size() >= 2) {
                Object left = evaluate(c.substring(0, index).strip(), at).value();
                Object right = evaluate(c.substring(index + 2).strip(), at).value();
                boolean equal = stringOf(left).equals(stringOf(right));
                return op.equals("==") == equal;
            }
        }
        if (c.contains(" is ")
                || c.contains(" in ")
                || c.contains(" and ")
                || c.contains(" or ")
                || c.contains("<")
                || c.contains(">")) {
            throw new Unresolved("the condition '" + c + "' is not decided by the plugin");
        }
        return truthy(evaluate(c, at).value());
    }
}
