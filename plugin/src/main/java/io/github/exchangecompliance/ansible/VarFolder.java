package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.load.NormalPaths;
import io.github.exchangecompliance.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@code group_vars} or {@code host_vars} folder: listed once, and the variables of each name read once, for all
 * the hosts that ask. With 10,000 hosts, looking for each host's groups' files again cost more than reading them.
 * Hosts are evaluated in parallel: the names' variables are kept in a concurrent map.
 */
final class VarFolder {

    /** Absolute and normal, as the files read are recorded. */
    private final Path dir;
    /** The names in the folder, files and folders alike: telling them apart costs a look at each. */
    private final Set<String> names = new HashSet<>();

    private final TaskWalker walker;
    private final Set<Path> used;
    private final Map<String, List<Map<String, Var>>> byName;

    /**
     * @param used where each file read is recorded
     */
    VarFolder(Path dir, TaskWalker walker, Set<Path> used) {
        this.dir = NormalPaths.of(dir);
        this.walker = walker;
        this.used = used;
        boolean folder = Files.isDirectory(this.dir);
        if (folder && !walker.named().isInside(this.dir)) {
            walker.named()
                    .refused()
                    .report(
                            Location.startOf(this.dir),
                            "the folder " + this.dir.getFileName()
                                    + " leads outside the source directories; it was not read");
        } else if (folder) {
            try (Stream<Path> list = Files.list(this.dir)) {
                list.forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                // An unreadable folder declares nothing the plugin can use.
            }
        }
        // Large enough from the start: growing a concurrent map while thousands of hosts fill it costs.
        this.byName = new ConcurrentHashMap<>(names.size());
    }

    /**
     * The variables of {@code <name>.yml} (or {@code .yaml}, or no ending) and of every file in {@code <name>/},
     * in the order Ansible reads them: later ones win.
     */
    List<Map<String, Var>> variables(String name) {
        return byName.computeIfAbsent(name, this::read);
    }

    private List<Map<String, Var>> read(String name) {
        List<Map<String, Var>> found = new ArrayList<>();
        for (Path file : files(name)) {
            walker.variables(file).ifPresent(variables -> {
                found.add(variables);
                used.add(file);
            });
        }
        return List.copyOf(found);
    }

    /**
     * The files a name may have. Only the names asked for are looked at: a name that is not a regular file declares
     * nothing when read ({@link TaskWalker#variables}, which also knows the files the scan read already), and only
     * a name without an ending can be the folder of a group.
     */
    private List<Path> files(String name) {
        List<Path> found = new ArrayList<>();
        for (String ending : List.of("", ".yml", ".yaml")) {
            if (names.contains(name + ending)) {
                found.add(dir.resolve(name + ending));
            }
        }
        if (names.contains(name) && Files.isDirectory(dir.resolve(name))) {
            try (Stream<Path> list = Files.list(dir.resolve(name))) {
                list.filter(Files::isRegularFile).sorted().forEach(found::add);
            } catch (IOException e) {
                // As above.
            }
        }
        return found;
    }
}
