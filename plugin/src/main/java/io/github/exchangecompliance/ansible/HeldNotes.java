package io.github.exchangecompliance.ansible;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Severity;
import io.github.exchangecompliance.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * EX0003 notes held until it is known whether what they are about could change a rule's verdict ({@link Relevance}):
 * then they are reported, otherwise only counted ({@link QuietNotes}). Used by one thread at a time.
 */
final class HeldNotes implements Reporter {

    private record Note(Severity severity, Location location, String message) {}

    private final List<Note> notes = new ArrayList<>();

    @Override
    public void report(Location location, String message) {
        notes.add(new Note(null, location, message));
    }

    @Override
    public void report(Severity defaultSeverity, Location location, String message) {
        notes.add(new Note(defaultSeverity, location, message));
    }

    boolean isEmpty() {
        return notes.isEmpty();
    }

    /** Reports the notes when they matter, else counts them as quiet. */
    void release(boolean matters, Reporter out, QuietNotes quiet) {
        for (Note note : notes) {
            if (!matters) {
                quiet.add(note.location(), note.message());
            } else if (note.severity() == null) {
                out.report(note.location(), note.message());
            } else {
                out.report(note.severity(), note.location(), note.message());
            }
        }
        notes.clear();
    }
}
