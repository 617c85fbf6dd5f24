package io.smelt.compiler.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, null-tolerant, order-keeping copies of the plain values YAML gives (maps, lists, scalars),
 * so records can hold them without callers changing them underneath.
 */
final class PlainValues {
    private PlainValues() {
    }

    static Map<String, Object> freezeMap(Map<String, ?> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, freeze(value)));
        return Collections.unmodifiableMap(copy);
    }

    static List<Object> freezeList(List<?> list) {
        if (list == null) {
            return List.of();
        }
        List<Object> copy = new ArrayList<>(list.size());
        for (Object item : list) {
            copy.add(freeze(item));
        }
        return Collections.unmodifiableList(copy);
    }

    @SuppressWarnings("unchecked")
    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return freezeList(list);
        }
        return value;
    }

    /** A mutable deep copy, for merging. */
    @SuppressWarnings("unchecked")
    static Object thaw(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), thaw(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(thaw(item));
            }
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> thawMap(Map<String, ?> map) {
        return map == null ? new LinkedHashMap<>() : (Map<String, Object>) thaw(map);
    }
}
