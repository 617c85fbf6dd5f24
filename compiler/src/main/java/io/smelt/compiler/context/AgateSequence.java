package io.smelt.compiler.context;

import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;
import io.smelt.compiler.jinja.PyTuple;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * agate's {@code MappedSequence}, which its tables use for {@code columns} and each row: a list of values
 * that also answers to keys ({@code seq['name']}, {@code seq.name}) and has {@code keys()}, {@code values()},
 * {@code items()}, {@code get(key, default)} and {@code dict()}.
 */
class AgateSequence extends AbstractList<Object> implements JinjaObject {
    private final List<String> keys;
    private final List<Object> values;

    AgateSequence(List<String> keys, List<Object> values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public Object get(int index) {
        return values.get(index);
    }

    @Override
    public int size() {
        return values.size();
    }

    /** The value for a key (case-insensitively, as SQL names are), or null when there is none. */
    Object byKey(String key) {
        int i = keys.indexOf(key);
        if (i < 0) {
            for (int j = 0; j < keys.size() && i < 0; j++) {
                i = keys.get(j) != null && keys.get(j).equalsIgnoreCase(key) ? j : -1;
            }
        }
        return i < 0 ? null : values.get(i);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "keys" -> (JinjaFunction) (args, kwargs) -> new ArrayList<Object>(keys);
            case "values" -> (JinjaFunction) (args, kwargs) -> PyTuple.copyOf(values);
            case "items" -> (JinjaFunction) (args, kwargs) -> {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    items.add(PyTuple.of(keys.get(i), values.get(i)));
                }
                return items;
            };
            case "dict" -> (JinjaFunction) (args, kwargs) -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    dict.put(keys.get(i), values.get(i));
                }
                return dict;
            };
            case "get" -> (JinjaFunction) (args, kwargs) -> {
                Object found = args.isEmpty() ? null : item(args.get(0));
                return found != null ? found : args.size() > 1 ? args.get(1) : null;
            };
            default -> byKey(name);
        };
    }

    @Override
    public Object item(Object key) {
        if (key instanceof Number index) {
            int i = index.intValue();
            return values.get(i < 0 ? values.size() + i : i);
        }
        return key instanceof String name ? byKey(name) : null;
    }
}
