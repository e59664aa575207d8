package io.github.exchangecompliance.api;

import java.util.Locale;

/** How serious a finding is; {@code OFF} only appears in configuration, never on a finding. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE,
    OFF;

    /** Parses {@code error}, {@code warning}, {@code note} or {@code off}, in any case; null when unknown. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return this != OFF && threshold != OFF && compareTo(threshold) <= 0;
    }
}
