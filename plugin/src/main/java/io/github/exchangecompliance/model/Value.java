package io.github.exchangecompliance.model;

/**
 * A value of the model and where it was written (for a merged value: where the winning value was written).
 */
public record Value<T>(T value, Location location) {

    public static <T> Value<T> of(T value, Location location) {
        return new Value<>(value, location);
    }
}
