package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the plugin reads of an {@code ansible.cfg} (INI, as Python's configparser reads it): the inventory sources
 * of {@code [defaults] inventory} (a comma list) and the extensions an inventory folder's files are ignored by,
 * {@code [defaults] inventory_ignore_extensions} or {@code [inventory] ignore_extensions}.
 *
 * @param inventory the sources named, each at its place in the file; empty when the file names none
 * @param ignoredExtensions the endings of files an inventory folder does not read
 */
record AnsibleConfig(List<Named> inventory, List<String> ignoredExtensions) {

    /** A name written in the file, and where. */
    record Named(String name, Location at) {}

    /**
     * Ansible's default {@code inventory_ignore_extensions}: its rejected extensions ({@code REJECT_EXTS}) and
     * {@code .orig}, {@code .cfg} and {@code .retry} (Ansible's configuration reference, INVENTORY_IGNORE_EXTS).
     */
    static final List<String> DEFAULT_IGNORED_EXTENSIONS =
            List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".cfg", ".retry");

    static final AnsibleConfig NONE = new AnsibleConfig(List.of(), DEFAULT_IGNORED_EXTENSIONS);

    private static final Pattern LINES = Pattern.compile("\\R");

    static AnsibleConfig parse(Path file, String text) {
        String[] lines = LINES.split(text, -1);
        String section = "";
        List<Named> inventory = new ArrayList<>();
        List<String> ignored = DEFAULT_IGNORED_EXTENSIONS;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                continue;
            }
            int separator = separator(line);
            if (separator < 0) {
                continue;
            }
            String key = line.substring(0, separator).strip().toLowerCase(Locale.ROOT);
            String value = withoutComment(line.substring(separator + 1)).strip();
            int valueColumn = lines[i].indexOf(line) + separator + 2;
            if (section.equals("defaults") && (key.equals("inventory") || key.equals("hostfile"))) {
                inventory = names(file, value, i + 1, lines[i], valueColumn);
            } else if ((section.equals("defaults") && key.equals("inventory_ignore_extensions"))
                    || (section.equals("inventory") && key.equals("ignore_extensions"))) {
                ignored = Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(e -> !e.isEmpty())
                        .toList();
            }
        }
        return new AnsibleConfig(inventory, ignored);
    }

    /** configparser takes {@code =} or {@code :}, whichever comes first. */
    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    /** An inline comment needs white space before its {@code #} or {@code ;}. */
    private static String withoutComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            if ((value.charAt(i) == '#' || value.charAt(i) == ';') && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }

    private static List<Named> names(Path file, String value, int line, String written, int from) {
        List<Named> names = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String name = part.strip();
            if (!name.isEmpty()) {
                int column = written.indexOf(name, Math.max(0, from - 1)) + 1;
                names.add(new Named(name, new Location(file, line, column > 0 ? column : from)));
            }
        }
        return names;
    }
}
