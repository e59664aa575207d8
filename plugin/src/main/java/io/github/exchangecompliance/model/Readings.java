package io.github.exchangecompliance.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a piece of text reads as, remembered: an organization writes the same few versions, bindings and ranges
 * ({@code 2019 CU14}, {@code 0.0.0.0:25}, {@code 0.0.0.0-255.255.255.255}) on every server, and reading them is
 * most of what some rules do for each server. Bounded, so that text no one repeats (a fuzzer's, or every
 * server's own relay range) cannot grow it without end; past the bound, text is read each time. The reader must
 * give the same answer for the same text, whenever asked.
 */
public final class Readings<T> {

    static final int LIMIT = 4096;

    private final Map<String, T> read = new ConcurrentHashMap<>();
    private final Function<String, T> reader;

    public Readings(Function<String, T> reader) {
        this.reader = reader;
    }

    public T of(String text) {
        T known = read.get(text);
        if (known != null) {
            return known;
        }
        T reading = reader.apply(text);
        if (read.size() < LIMIT) {
            read.putIfAbsent(text, reading);
        }
        return reading;
    }
}
