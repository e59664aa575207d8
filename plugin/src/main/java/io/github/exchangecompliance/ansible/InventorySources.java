package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.files.Refused;
import io.github.exchangecompliance.files.SourceFiles;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The inventory Ansible would read, as its files (SPEC section 4.4). The sources are what the parameter
 * {@code ansibleInventory} names, else what ansible.cfg's {@code inventory =} names (a comma list), else the first
 * conventional inventory at a source root. A source is a file or a folder; a folder is read as Ansible reads one
 * ("Ansible parses the directory recursively, alphabetically"), leaving out hidden files, its {@code group_vars},
 * {@code host_vars} and {@code vars_plugins}, and the files whose names end in an ignored extension.
 */
final class InventorySources {

    /** The files of an inventory, in the order Ansible reads them, and the folders its variables are read beside. */
    record Found(List<Path> files, List<Path> varBases) {
        static final Found NONE = new Found(List.of(), List.of());

        boolean isEmpty() {
            return files.isEmpty();
        }
    }

    /** The most files read from inventory folders: an inventory is a handful of files, never thousands. */
    static final int MOST_FILES = 1_000;

    private static final int DEEPEST_FOLDER = 20;
    private static final Set<String> NOT_INVENTORY = Set.of("group_vars", "host_vars", "vars_plugins");
    private static final List<String> CONVENTIONAL = List.of(
            "inventory",
            "inventory.ini",
            "inventory.yml",
            "inventory.yaml",
            "hosts",
            "hosts.ini",
            "hosts.yml",
            "hosts.yaml");

    private final List<Path> roots;
    private final NamedFiles named;
    private final long maxFileSize;

    InventorySources(List<Path> roots, NamedFiles named, long maxFileSize) {
        this.roots = roots;
        this.named = named;
        this.maxFileSize = maxFileSize;
    }

    /**
     * The inventory's files.
     *
     * @param parameter the sources the build names (its own setting, not the repository's content: they may lie
     *     anywhere), or empty to look for them
     */
    Found find(List<Path> parameter) {
        if (!parameter.isEmpty()) {
            return expand(parameter, AnsibleConfig.DEFAULT_IGNORED_EXTENSIONS, true);
        }
        for (Path root : roots) {
            AnsibleConfig config =
                    named.check(root.resolve("ansible.cfg")).map(this::config).orElse(AnsibleConfig.NONE);
            if (!config.inventory().isEmpty()) {
                List<Path> sources = new ArrayList<>();
                for (AnsibleConfig.Named source : config.inventory()) {
                    resolve(root, source).ifPresent(sources::add);
                }
                if (!sources.isEmpty()) {
                    return expand(sources, config.ignoredExtensions(), false);
                }
            }
            for (Path candidate : candidates(root)) {
                if (Files.isDirectory(candidate) && named.isInside(candidate)) {
                    Found found = expand(List.of(candidate), config.ignoredExtensions(), false);
                    if (!found.isEmpty()) {
                        return found;
                    }
                } else if (named.check(candidate).isPresent()) {
                    // A candidate that is not there is passed over without a word.
                    return expand(List.of(candidate), config.ignoredExtensions(), false);
                }
            }
        }
        return Found.NONE;
    }

    private AnsibleConfig config(Path cfg) {
        try {
            return AnsibleConfig.parse(cfg, SourceFiles.readText(cfg, maxFileSize));
        } catch (IOException | Refused e) {
            named.refused()
                    .report(
                            Location.startOf(cfg),
                            "ansible.cfg "
                                    + (e instanceof Refused r
                                            ? r.getMessage()
                                            : "cannot be read (" + e.getClass().getSimpleName() + ")"));
            return AnsibleConfig.NONE;
        }
    }

    /** A source ansible.cfg names, relative to its folder: a file or a folder inside the source directories. */
    private Optional<Path> resolve(Path root, AnsibleConfig.Named source) {
        String what = "ansible.cfg's inventory";
        try {
            Path path = SourceFiles.resolve(root, source.name());
            if (Files.isDirectory(path)) {
                if (named.isInside(path)) {
                    return Optional.of(path);
                }
                named.refused()
                        .report(
                                source.at(),
                                what + " names '" + source.name() + "', a folder outside the "
                                        + "source directories; it was not read");
                return Optional.empty();
            }
        } catch (Refused e) {
            // Reported below, where the name is resolved as a file.
        }
        return named.resolve(root, source.name(), what, source.at());
    }

    /** The conventional inventories of a root, in the order they are tried. */
    private static List<Path> candidates(Path root) {
        List<Path> candidates = new ArrayList<>();
        CONVENTIONAL.forEach(n -> candidates.add(root.resolve(n)));
        Path inventories = root.resolve("inventories");
        if (Files.isDirectory(inventories)) {
            try (Stream<Path> dirs = Files.list(inventories)) {
                dirs.sorted().forEach(d -> CONVENTIONAL.forEach(n -> candidates.add(d.resolve(n))));
            } catch (IOException e) {
                // An unreadable folder holds no inventory the plugin can use.
            }
        }
        return candidates;
    }

    private Found expand(List<Path> sources, List<String> ignored, boolean trusted) {
        List<Path> files = new ArrayList<>();
        List<Path> varBases = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                varBases.add(source);
                walk(source, ignored, trusted, files, 0);
            } else {
                varBases.add(source.toAbsolutePath().getParent());
                files.add(source);
            }
        }
        return new Found(List.copyOf(files), List.copyOf(varBases));
    }

    private void walk(Path folder, List<String> ignored, boolean trusted, List<Path> files, int depth) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            return;
        }
        for (Path entry : entries) {
            String name = String.valueOf(entry.getFileName());
            if (name.startsWith(".")
                    || NOT_INVENTORY.contains(name)
                    || ignored.stream().anyMatch(name::endsWith)
                    || files.size() >= MOST_FILES) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                if (depth < DEEPEST_FOLDER && (trusted || named.isInside(entry))) {
                    walk(entry, ignored, trusted, files, depth + 1);
                }
            } else if (trusted ? Files.isRegularFile(entry) : named.check(entry).isPresent()) {
                files.add(entry);
            }
        }
    }
}
