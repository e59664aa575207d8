package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.load.NormalPaths;
import io.github.exchangecompliance.model.Location;
import io.github.exchangecompliance.yaml.YamlFile;
import io.github.exchangecompliance.yaml.YamlMap;
import io.github.exchangecompliance.yaml.YamlNode;
import io.github.exchangecompliance.yaml.YamlReader;
import io.github.exchangecompliance.yaml.YamlScalar;
import io.github.exchangecompliance.yaml.YamlSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Walks Ansible task lists as Ansible would for one host (or for a file no play applies): blocks, literal
 * includes and imports, roles, loops and the conditions it can decide, handing each module task to
 * {@link Modules}. What it cannot evaluate is an EX0003 note at its line, and the values it would set are unknown.
 */
final class TaskWalker {

    private static final int MAX_DEPTH = 20;
    /**
     * Task files one walk (a host's play, or a file on its own) may enter: files that each include the next twice
     * would otherwise be walked 2^20 times, even though none includes itself.
     */
    static final int MOST_FILES_WALKED = 2_000;

    static final List<String> INCLUDES = List.of(
            "include_tasks",
            "import_tasks",
            "ansible.builtin.include_tasks",
            "ansible.builtin.import_tasks",
            "include");
    static final List<String> ROLE_INCLUDES =
            List.of("include_role", "import_role", "ansible.builtin.include_role", "ansible.builtin.import_role");
    /** A block's task lists: its tasks, those run when one fails, and those run always. */
    static final List<String> BLOCK_KEYS = List.of("block", "rescue", "always");
    /** The keys that make a task more than a module: blocks and includes (checked for every task of every host). */
    private static final Set<String> NOT_A_MODULE = Stream.of(BLOCK_KEYS, INCLUDES, ROLE_INCLUDES)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableSet());

    private final Reporter unresolved;
    private final NamedFiles named;
    private final YamlReader reader;
    private final RoleFinder roles;
    private final Set<Path> reached;
    /**
     * Files read, by path, and the variables they define: shared by the hosts, which are walked in parallel. Made
     * large enough for the files at the start: growing a concurrent map while thousands of hosts fill it costs.
     */
    private final Map<Path, Optional<YamlNode>> cache;

    private final Map<Path, Optional<Map<String, Var>>> variables;
    private final TaskResults results = new TaskResults();
    private final QuietNotes quiet;
    private final Map<Path, Role> rolesRead = new ConcurrentHashMap<>();

    /**
     * @param files how many files the walker is likely to read (those the scan read): a hint
     */
    TaskWalker(
            Reporter unresolved,
            QuietNotes quiet,
            NamedFiles named,
            YamlReader reader,
            RoleFinder roles,
            Set<Path> reached,
            int files) {
        this.quiet = quiet;
        this.cache = new ConcurrentHashMap<>(files);
        this.variables = new ConcurrentHashMap<>(files);
        this.unresolved = unresolved;
        this.named = named;
        this.reader = reader;
        this.roles = roles;
        this.reached = reached;
    }

    /** The files the walker may read, and where a refusal is reported. */
    NamedFiles named() {
        return named;
    }

    /** A role's folder by name, as named at a place (where a role outside the repository is reported). */
    Optional<Path> findRole(String name, Path from, Location namedAt) {
        return roles.find(name, from, namedAt);
    }

    /** Finds a role's folder by name, as named at a place (where a role outside the repository is reported). */
    interface RoleFinder {
        Optional<Path> find(String name, Path from, Location namedAt);
    }

    /**
     * The task files being walked, the outermost first, and how many files the walk has entered so far. A file
     * that is already on the trail is not entered again (Ansible would include it forever).
     */
    static final class Trail {
        private final Path file;
        private final Trail outer;
        private final int depth;
        private final int[] walked;

        private Trail(Path file, Trail outer, int depth, int[] walked) {
            this.file = file;
            this.outer = outer;
            this.depth = depth;
            this.walked = walked;
        }

        /** A walk that starts in a file (a playbook, or a task file on its own). */
        static Trail from(Path file) {
            return new Trail(NormalPaths.of(file), null, 0, new int[1]);
        }

        Trail into(Path normal) {
            walked[0]++;
            return new Trail(normal, this, depth + 1, walked);
        }

        boolean holds(Path normal) {
            for (Trail t = this; t != null; t = t.outer) {
                if (t.file.equals(normal)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Walks a task file that a play, role or include names at {@code namedAt}, unless it is already on the trail
     * or the walk has entered too many files; each is an EX0003 note there, and the file's values are unknown.
     */
    void walkFile(Path file, Map<String, Var> vars, Declarations out, Trail trail, Location namedAt) {
        if (trail.depth >= MAX_DEPTH) {
            unresolved.report(
                    namedAt,
                    "includes nest more than " + MAX_DEPTH + " deep here; the tasks of " + file.getFileName()
                            + " are not read and their values are unknown");
            return;
        }
        Path normal = NormalPaths.of(file);
        if (trail.holds(normal)) {
            unresolved.report(
                    namedAt,
                    file.getFileName() + " is included again while it is being included (Ansible "
                            + "would include it forever); it is not followed");
            return;
        }
        if (trail.walked[0] >= MOST_FILES_WALKED) {
            unresolved.report(
                    namedAt,
                    "more than " + MOST_FILES_WALKED + " task files are included from one play " + "or file; "
                            + file.getFileName() + " is not read and its values are unknown");
            return;
        }
        reached.add(normal);
        Trail inner = trail.into(normal);
        readNormal(normal).ifPresent(root -> walk(root, file, vars, out, inner));
    }

    void walkRole(Path dir, Map<String, Var> vars, Declarations out, Trail trail, Location namedAt) {
        Role role = rolesRead.computeIfAbsent(
                dir,
                d -> new Role(
                        variables(d.resolve("defaults/main.yml")),
                        variables(d.resolve("vars/main.yml")),
                        Optional.of(d.resolve("tasks/main.yml")).filter(Files::isRegularFile)));
        Map<String, Var> scope = new LinkedHashMap<>();
        role.defaults().ifPresent(scope::putAll);
        scope.putAll(vars);
        role.vars().ifPresent(scope::putAll);
        role.tasks().ifPresent(main -> walkFile(main, scope, out, trail, namedAt));
    }

    /** A role's variables and its tasks file if it has one, looked for once for all the hosts that run it. */
    private record Role(Optional<Map<String, Var>> defaults, Optional<Map<String, Var>> vars, Optional<Path> tasks) {}

    void walk(YamlNode tasks, Path file, Map<String, Var> vars, Declarations out, Trail trail) {
        if (!(tasks instanceof YamlSeq seq)) {
            return;
        }
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlMap task) {
                task(task, file, vars, out, trail);
            }
        }
    }

    private void task(YamlMap task, Path file, Map<String, Var> inherited, Declarations out, Trail trail) {
        Map<String, Var> vars = Values.over(inherited, task.get("vars"));
        if (isOnlyAModule(task)) {
            Optional<YamlMap.Entry> module = Modules.find(task);
            if (module.isPresent()) {
                Applied applied = results.get(task, vars, scope -> apply(task, module.get(), scope));
                if (applied.condition() != Outcome.FALSE) {
                    (applied.condition() == Outcome.TRUE ? out : new UnknownDeclarations(out))
                            .addAll(applied.declared());
                }
            } else {
                // Another module declares nothing a rule reads, whatever its condition, but its install media.
                InstallMedia.module(task).ifPresent(media -> {
                    if (condition(task, vars, new HeldNotes()) == Outcome.TRUE) {
                        media(media, vars, out);
                    }
                });
            }
            return;
        }
        HeldNotes held = new HeldNotes();
        Outcome condition = condition(task, vars, held);
        if (condition == Outcome.FALSE) {
            return;
        }
        Declarations inner = new Declarations();
        for (String key : BLOCK_KEYS) {
            task.get(key).ifPresent(block -> walk(block, file, vars, inner, trail));
        }
        for (String include : INCLUDES) {
            task.get(include).ifPresent(target -> include(include, target, file, vars, inner, trail, held));
        }
        for (String include : ROLE_INCLUDES) {
            task.get(include).ifPresent(target -> includeRole(target, file, vars, inner, trail, held));
        }
        if (!held.isEmpty()) {
            held.release(Relevance.matters(task, inner), unresolved, quiet);
        }
        (condition == Outcome.TRUE ? out : new UnknownDeclarations(out)).addAll(inner);
    }

    /** The version the install media of a task that runs names (under a condition it cannot decide: none). */
    private static void media(YamlMap.Entry module, Map<String, Var> vars, Declarations out) {
        InstallMedia.version(module, new Jinja(vars)).ifPresent(version -> {
            out.version = version;
            out.noteLocation(version.location());
        });
    }

    /** A task with no block, include or role besides its module. */
    private static boolean isOnlyAModule(YamlMap task) {
        for (YamlMap.Entry entry : task.entries()) {
            if (NOT_A_MODULE.contains(entry.name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a module task declares in a scope, and whether its condition holds. It depends only on the task and
     * the variables it looks up, so hosts that share them share the result ({@link TaskResults}). Its EX0003
     * notes are the same for such hosts too, so they are reported by the host that evaluates it; two hosts that
     * evaluate it at once report equal findings, which the findings keep once.
     */
    private record Applied(Outcome condition, Declarations declared) {}

    private Applied apply(YamlMap task, YamlMap.Entry module, Map<String, Var> vars) {
        Declarations declared = new Declarations();
        HeldNotes held = new HeldNotes();
        Outcome condition = condition(task, vars, held);
        if (condition != Outcome.FALSE) {
            for (Map<String, Var> itemVars : items(task, vars, held)) {
                Modules.apply(module, task, new Jinja(itemVars), held, declared);
            }
            // A shell or DSC task may run the media too; once for the hosts that share the task's scope.
            if (condition == Outcome.TRUE) {
                InstallMedia.module(task).ifPresent(media -> media(media, vars, declared));
            }
        }
        if (!held.isEmpty()) {
            held.release(Relevance.matters(task, declared), unresolved, quiet);
        }
        return new Applied(condition, declared);
    }

    private enum Outcome {
        TRUE,
        FALSE,
        UNKNOWN
    }

    /** A task's {@code when:}: decided true or false, or unknown (an EX0003 note; its values become unknown). */
    private Outcome condition(YamlMap task, Map<String, Var> vars, Reporter unresolved) {
        Optional<YamlNode> when = task.get("when");
        if (when.isEmpty()) {
            return Outcome.TRUE;
        }
        List<YamlNode> conditions = when.get() instanceof YamlSeq seq ? seq.items() : List.of(when.get());
        Jinja jinja = new Jinja(vars);
        for (YamlNode condition : conditions) {
            if (!(condition instanceof YamlScalar s)) {
                unresolved.report(
                        condition.location(),
                        "when: the condition is not one the plugin decides; the " + "task's values are unknown");
                return Outcome.UNKNOWN;
            }
            try {
                if (!jinja.decide(s.text().replace("{{", "").replace("}}", ""), s.location())) {
                    return Outcome.FALSE;
                }
            } catch (Unresolved e) {
                unresolved.report(s.location(), "when: " + e.getMessage() + "; the task's values are unknown");
                return Outcome.UNKNOWN;
            }
        }
        return Outcome.TRUE;
    }

    private List<Map<String, Var>> items(YamlMap task, Map<String, Var> vars, Reporter unresolved) {
        Optional<YamlMap.Entry> loop = task.entries().stream()
                .filter(e -> e.name().equals("loop")
                        || e.name().equals("with_items")
                        || e.name().equals("with_list")
                        || e.name().equals("with_dict"))
                .findFirst();
        if (loop.isEmpty()) {
            return List.of(vars);
        }
        String loopVar = task.get("loop_control")
                .filter(YamlMap.class::isInstance)
                .flatMap(c -> ((YamlMap) c).text("loop_var"))
                .orElse("item");
        Var source = Values.of(loop.get().value());
        try {
            source = new Jinja(vars).render(Values.plain(source), source.location());
        } catch (Unresolved e) {
            unresolved.report(loop.get().value().location(), "the loop " + e.getMessage() + "; its items are unknown");
            return List.of();
        }
        List<Var> elements = new ArrayList<>();
        Object value = source.value();
        if (loop.get().name().equals("with_dict") && value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", new Var(k, loop.get().value().location()));
                entry.put("value", v);
                elements.add(new Var(
                        entry,
                        v instanceof Var var
                                ? var.location()
                                : loop.get().value().location()));
            });
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                elements.add(element instanceof Var var ? var : new Var(element, source.location()));
            }
        } else {
            unresolved.report(
                    loop.get().value().location(),
                    "the loop is not a list the plugin can read; its items " + "are unknown");
            return List.of();
        }
        List<Map<String, Var>> scopes = new ArrayList<>();
        for (Var element : elements) {
            scopes.add(TaskResults.with(vars, loopVar, element));
        }
        return scopes;
    }

    private void include(
            String key,
            YamlNode target,
            Path file,
            Map<String, Var> vars,
            Declarations out,
            Trail trail,
            Reporter unresolved) {
        YamlNode name = target instanceof YamlMap m ? m.get("file").orElse(null) : target;
        if (!(name instanceof YamlScalar s) || Jinja.isTemplate(s.text())) {
            unresolved.report(target.location(), "the included file name is not a literal; its tasks are unknown");
            return;
        }
        named.resolve(file.toAbsolutePath().getParent(), s.text(), key, s.location())
                .ifPresent(included -> walkFile(included, vars, out, trail, s.location()));
    }

    private void includeRole(
            YamlNode target, Path file, Map<String, Var> vars, Declarations out, Trail trail, Reporter unresolved) {
        if (!(target instanceof YamlMap m)
                || m.text("name").isEmpty()
                || Jinja.isTemplate(m.text("name").get())) {
            unresolved.report(target.location(), "the role's name is not a literal; its tasks are unknown");
            return;
        }
        Location at = m.get("name").get().location();
        roles.find(m.text("name").get(), file, at).ifPresent(role -> walkRole(role, vars, out, trail, at));
    }

    /**
     * The variables a file defines (its top-level mapping), converted once for all the hosts that read it: values
     * are not changed once made. Empty when the file cannot be read.
     */
    Optional<Map<String, Var>> variables(Path file) {
        return variables.computeIfAbsent(
                NormalPaths.of(file),
                f -> readNormal(f).map(root -> {
                    Map<String, Var> defined = new LinkedHashMap<>();
                    Values.addAll(defined, root);
                    return Collections.unmodifiableMap(defined);
                }));
    }

    /** A file the caller has read already. */
    void remember(Path file, YamlNode root) {
        cache.put(NormalPaths.of(file), Optional.ofNullable(root));
    }

    Optional<YamlNode> read(Path file) {
        return readNormal(NormalPaths.of(file));
    }

    private Optional<YamlNode> readNormal(Path file) {
        return cache.computeIfAbsent(file, f -> {
            // Not a file the scan found: it may be a link out of the repository, or a FIFO.
            if (named.check(f).isEmpty()) {
                return Optional.empty();
            }
            YamlFile yaml = reader.read(f);
            return yaml.documents().isEmpty()
                    ? Optional.empty()
                    : Optional.ofNullable(yaml.documents().get(0).root());
        });
    }

    /** Declarations made under a condition the plugin cannot decide: every value becomes unknown. */
    private static final class UnknownDeclarations extends Declarations {
        private final Declarations target;

        UnknownDeclarations(Declarations target) {
            this.target = target;
        }

        /** Only registry values pass, and as unknown: a proxy or connector set under such a condition is left out. */
        @Override
        void addAll(Declarations other) {
            addRegistryOf(other);
        }

        @Override
        void addRegistryOf(Declarations other) {
            other.registry
                    .keys()
                    .forEach(key -> key.values().forEach(v -> put(key.path(), key.written(), key.location(), v)));
        }

        @Override
        void put(
                io.github.exchangecompliance.model.RegistryPath path,
                String written,
                Location keyAt,
                io.github.exchangecompliance.model.RegistryValue value) {
            target.put(
                    path,
                    written,
                    keyAt,
                    new io.github.exchangecompliance.model.RegistryValue(
                            value.name(),
                            io.github.exchangecompliance.model.RegistryValue.Type.UNKNOWN,
                            null,
                            "",
                            value.location()));
        }
    }
}
