package io.github.exchangecompliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memo of what texts read as: each text read once, and the right answer past its bound. */
class ReadingsTest {

    @Test
    void readsEachTextOnce() {
        List<String> asked = new ArrayList<>();
        Readings<Integer> lengths = new Readings<>(text -> {
            asked.add(text);
            return text.length();
        });

        assertThat(lengths.of("0.0.0.0:25")).isEqualTo(10);
        assertThat(lengths.of(new String("0.0.0.0:25"))).isEqualTo(10);
        assertThat(lengths.of("[::]:25")).isEqualTo(7);

        assertThat(asked).containsExactly("0.0.0.0:25", "[::]:25");
    }

    @Test
    void pastItsBoundTextIsReadEachTimeAndStillRight() {
        List<String> asked = new ArrayList<>();
        Readings<String> upper = new Readings<>(text -> {
            asked.add(text);
            return text.toUpperCase(java.util.Locale.ROOT);
        });
        for (int i = 0; i < Readings.LIMIT; i++) {
            upper.of("range-" + i);
        }

        assertThat(upper.of("late")).isEqualTo("LATE");
        assertThat(upper.of("late")).isEqualTo("LATE");
        assertThat(upper.of("range-7")).isEqualTo("RANGE-7");

        assertThat(asked).hasSize(Readings.LIMIT + 2).endsWith("late", "late");
    }
}
