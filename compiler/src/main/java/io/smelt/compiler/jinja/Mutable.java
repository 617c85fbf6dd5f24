package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python lists and dicts can always be changed; Java hands templates unmodifiable ones (YAML values held by
 * records, {@code List.of}). This copies those, at any depth, into mutable ones, keeping everything else
 * (only the JDK's own collections are looked into; a collection that is mutable all the way down is returned itself; one that holds a frozen one is copied).
 */
final class Mutable {
    private Mutable() {
    }

    static Object of(Object value) {
        String type = value == null ? "" : value.getClass().getName();
        if (!(value instanceof List<?> || value instanceof Map<?, ?>) || !type.startsWith("java.util.")) {
            return value;
        }
        boolean changed = !(value instanceof java.util.ArrayList<?> || value instanceof java.util.LinkedList<?>
                || value instanceof java.util.HashMap<?, ?> || value instanceof java.util.TreeMap<?, ?>);
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object copy = of(item);
                changed |= copy != item;
                out.add(copy);
            }
            return changed ? out : value;
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            Object copy = of(entry.getValue());
            changed |= copy != entry.getValue();
            out.put(entry.getKey(), copy);
        }
        return changed ? out : value;
    }
}
