package io.github.exchangecompliance.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a function of a text gave, kept for the next time it is asked: servers repeat the same few dozen key paths,
 * names and values ten thousand times. Bounded, so a repository of distinct texts only stops remembering; safe
 * for the threads that read files and run rules. Only for pure functions of the key.
 *
 * @param <K> the key
 * @param <V> what the function gives for it
 */
public final class BoundedMemo<K, V> {

    private final int most;
    private final Function<K, V> function;
    private final ConcurrentHashMap<K, V> kept = new ConcurrentHashMap<>();

    public BoundedMemo(int most, Function<K, V> function) {
        this.most = most;
        this.function = function;
    }

    public V get(K key) {
        V value = kept.get(key);
        if (value != null) {
            return value;
        }
        value = function.apply(key);
        if (kept.size() < most) {
            V earlier = kept.putIfAbsent(key, value);
            return earlier == null ? value : earlier;
        }
        return value;
    }
}
