package io.github.exchangecompliance.engine;

import io.github.exchangecompliance.model.RegistryKey;
import io.github.exchangecompliance.model.RegistryPath;
import io.github.exchangecompliance.model.RegistryValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * What each registry key says apart from where it stands (path, spelling, each value's name, type and data),
 * worked out once a key: the key rules group keys by it, the registry rules servers by their keys' shapes.
 */
final class KeyShapes {

    private record Shape(RegistryPath path, String written, List<ValueShape> values) {}

    private record ValueShape(String name, RegistryValue.Type type, Long number, String text) {}

    private final IdentityHashMap<RegistryKey, Shape> shapes = new IdentityHashMap<>();

    KeyShapes(Collection<RegistryKey> keys) {
        keys.forEach(this::of);
    }

    Object of(RegistryKey key) {
        return shapes.computeIfAbsent(key, KeyShapes::shape);
    }

    /** The shapes of the keys, in their order. */
    List<Object> ofAll(Collection<RegistryKey> keys) {
        List<Object> list = new ArrayList<>(keys.size());
        keys.forEach(key -> list.add(of(key)));
        return list;
    }

    private static Shape shape(RegistryKey key) {
        List<ValueShape> values = new ArrayList<>();
        for (RegistryValue value : key.values()) {
            values.add(new ValueShape(value.name(), value.type(), value.number(), value.text()));
        }
        return new Shape(key.path(), key.written(), values);
    }
}
