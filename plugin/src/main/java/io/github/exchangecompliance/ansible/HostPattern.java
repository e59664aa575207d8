package io.github.exchangecompliance.ansible;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A play's {@code hosts:} pattern, as Ansible selects hosts with it ("Patterns: targeting hosts and groups"): parts
 * separated by {@code ,} (or the older {@code :}), a group or host name each, {@code all} or {@code *}, or a
 * wildcard ({@code exchange-*}); a part that starts with {@code &} keeps only the hosts also in it, one with
 * {@code !} takes its hosts away, both after the plain parts, as Ansible orders them. A name that is neither a group
 * nor a host of the inventory stands for itself (a host of that name, or a server named after the group when there
 * is no inventory). Regular expressions ({@code ~...}) are not evaluated: they select nothing.
 */
final class HostPattern {

    private static final Pattern PARTS = Pattern.compile("[,:]");

    private HostPattern() {}

    /** The names the pattern selects, in the inventory's order; empty when it is a template. */
    static Optional<Set<String>> select(String pattern, Optional<Inventory> inventory) {
        if (Jinja.isTemplate(pattern)) {
            return Optional.empty();
        }
        List<String> plain = new ArrayList<>();
        List<String> intersect = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (String written : PARTS.split(pattern)) {
            String part = written.strip();
            if (part.startsWith("&")) {
                intersect.add(part.substring(1).strip());
            } else if (part.startsWith("!")) {
                exclude.add(part.substring(1).strip());
            } else if (!part.isEmpty()) {
                plain.add(part);
            }
        }
        if (plain.isEmpty()) {
            plain.add("all");
        }
        Set<String> selected = new LinkedHashSet<>();
        plain.forEach(p -> selected.addAll(names(p, inventory)));
        intersect.forEach(p -> selected.retainAll(names(p, inventory)));
        exclude.forEach(p -> selected.removeAll(names(p, inventory)));
        return Optional.of(selected);
    }

    /** The plain names of a pattern, which stand for servers when there is no inventory to look them up in. */
    static List<String> plainNames(String pattern) {
        List<String> names = new ArrayList<>();
        for (String written : PARTS.split(pattern)) {
            String part = written.strip();
            if (!part.isEmpty()
                    && !part.equals("all")
                    && !Jinja.isTemplate(part)
                    && "&!~".indexOf(part.charAt(0)) < 0
                    && part.chars().noneMatch(c -> c == '*' || c == '?')) {
                names.add(part);
            }
        }
        return names;
    }

    private static Set<String> names(String part, Optional<Inventory> inventory) {
        Set<String> names = new LinkedHashSet<>();
        if (part.startsWith("~")) {
            return names;
        }
        if (inventory.isEmpty()) {
            if (!part.equals("all") && !part.equals("*")) {
                names.add(part);
            }
            return names;
        }
        Inventory i = inventory.get();
        if (part.equals("all") || part.equals("*")) {
            return i.hosts("all");
        }
        if (part.contains("*") || part.contains("?")) {
            Pattern wildcard = wildcard(part);
            i.groupHosts.keySet().stream()
                    .filter(g -> wildcard.matcher(g).matches())
                    .forEach(g -> names.addAll(i.hosts(g)));
            i.hostLocations.keySet().stream()
                    .filter(h -> wildcard.matcher(h).matches())
                    .forEach(names::add);
            return names;
        }
        if (i.groupHosts.containsKey(part) || i.children.containsKey(part)) {
            return i.hosts(part);
        }
        names.add(part);
        return names;
    }

    /** A shell wildcard as a pattern: {@code *} and {@code ?}, everything else literal. */
    private static Pattern wildcard(String part) {
        StringBuilder regex = new StringBuilder();
        for (String piece : part.split("(?=[*?])|(?<=[*?])")) {
            regex.append(piece.equals("*") ? ".*" : piece.equals("?") ? "." : Pattern.quote(piece));
        }
        return Pattern.compile(regex.toString());
    }
}
