package io.github.exchangecompliance.ansible;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Remembers what a module task declared, with the variables it looked up to get there. What a task declares
 * depends only on the task and those variables, and the hosts of an inventory mostly share them (a role's loop
 * over literal keys, a group variable): for 10,000 hosts a task is evaluated once, and again only for a host
 * where one of the variables it looked up holds something else or comes from somewhere else.
 */
final class TaskResults {

    /** Tasks whose variables differ from host to host keep only this many results; the others are recomputed. */
    private static final int KEPT_PER_TASK = 8;

    /**
     * A task that misses this many times more once it keeps all it may is not looked up any more: its variables
     * differ from host to host (a host's own address range), and comparing them cost more than evaluating it.
     */
    private static final int MISSES_BEFORE_GIVING_UP = 64;

    /** One evaluation: the variables looked up (null for those not defined), and what it gave. */
    record Result<T>(Map<String, Var> lookedUp, T value) {}

    /** What one task's evaluations left; locked to use, as hosts are walked in parallel. */
    private static final class Known {
        final List<Result<?>> kept = new ArrayList<>();
        int misses;
        boolean varies;
    }

    /** By task object (tasks are records, compared by content: hashing one would walk its whole tree). */
    private final IdentityHashMap<Object, Known> results = new IdentityHashMap<>();

    /**
     * The result of {@code evaluate} for a task in a variable scope: a remembered one when every variable it looked
     * up is the same here, else a new evaluation, which sees the scope through a map that notes each lookup.
     */
    @SuppressWarnings("unchecked")
    <T> T get(Object task, Map<String, Var> vars, Function<Map<String, Var>, T> evaluate) {
        Known known;
        synchronized (results) {
            known = results.computeIfAbsent(task, t -> new Known());
        }
        boolean varies;
        synchronized (known) {
            varies = known.varies;
            for (Result<?> result : known.kept) {
                if (holdsTheSame(vars, result.lookedUp())) {
                    return (T) result.value();
                }
            }
        }
        if (varies) {
            return evaluate.apply(vars);
        }
        // Evaluated outside the lock: two hosts may evaluate the same task at once, and get equal results.
        Lookups lookups = new Lookups(vars);
        T value = evaluate.apply(lookups);
        synchronized (known) {
            // Another host may have kept the same evaluation meanwhile: one copy is enough.
            boolean kept = known.kept.stream().anyMatch(r -> r.lookedUp().equals(lookups.seen));
            if (lookups.wholeScopeRead || kept) {
                return value;
            }
            if (known.kept.size() < KEPT_PER_TASK) {
                known.kept.add(new Result<>(lookups.seen, value));
            } else if (++known.misses >= MISSES_BEFORE_GIVING_UP) {
                known.varies = true;
                known.kept.clear();
            }
        }
        return value;
    }

    private static boolean holdsTheSame(Map<String, Var> vars, Map<String, Var> lookedUp) {
        for (Map.Entry<String, Var> e : lookedUp.entrySet()) {
            if (!Objects.equals(vars.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A scope with one more variable (a loop's item), without copying the scope. */
    static Map<String, Var> with(Map<String, Var> scope, String name, Var value) {
        return new AbstractMap<>() {
            @Override
            public Var get(Object key) {
                return name.equals(key) ? value : scope.get(key);
            }

            @Override
            public Set<Entry<String, Var>> entrySet() {
                Map<String, Var> copy = new LinkedHashMap<>(scope);
                copy.put(name, value);
                return copy.entrySet();
            }
        };
    }

    /** A read-only view of a scope that notes which variables were looked up, and what they held. */
    private static final class Lookups extends AbstractMap<String, Var> {
        private final Map<String, Var> scope;
        private final Map<String, Var> seen = new LinkedHashMap<>();
        private boolean wholeScopeRead;

        Lookups(Map<String, Var> scope) {
            this.scope = scope;
        }

        @Override
        public Var get(Object key) {
            Var value = scope.get(key);
            if (key instanceof String name) {
                seen.putIfAbsent(name, value);
            }
            return value;
        }

        @Override
        public Set<Entry<String, Var>> entrySet() {
            // Whoever reads every variable depends on all of them: such a result is not kept.
            wholeScopeRead = true;
            return scope.entrySet();
        }
    }
}
