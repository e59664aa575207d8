package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.model.Location;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EX0003 notes not listed because nothing a rule reads depends on them, each counted once however many hosts
 * evaluated it: the summary gives their number.
 */
final class QuietNotes {

    private record Note(Location location, String message) {}

    private final Set<Note> notes = ConcurrentHashMap.newKeySet();

    void add(Location location, String message) {
        notes.add(new Note(location, message));
    }

    int count() {
        return notes.size();
    }
}
