package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.smelt.compiler.jinja.PyOps.eq;
import static io.smelt.compiler.jinja.PyOps.isNumber;
import static io.smelt.compiler.jinja.PyOps.typeName;

/** Python's {@code in}, iteration and {@code len()} over template values. */
final class PySeq {
    private PySeq() {
    }

    static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (item instanceof String sub) {
                return s.contains(sub);
            }
            throw PyException.typeError("'in <string>' requires string as left operand, not " + typeName(item));
        }
        if (container instanceof Map<?, ?> m) {
            if (m.containsKey(item)) {
                return true;
            }
            if (isNumber(item)) {
                for (Object k : m.keySet()) {
                    if (eq(k, item)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (container instanceof Collection<?> c) {
            for (Object o : c) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Undefined) {
            return false;
        }
        if (container instanceof io.smelt.compiler.jinja.JinjaObject jo) {
            return item instanceof String name && jo.attribute(name) != null;
        }
        if (container instanceof Iterable<?> it) {
            for (Object o : it) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        throw PyException.typeError("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** The items a {@code for} loop or a filter walks, as a list the caller may keep. */
    static List<Object> iterate(Object v) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v instanceof Undefined) {
            return new ArrayList<>();
        }
        if (v instanceof Iterable<?> it) {
            List<Object> r = new ArrayList<>();
            it.forEach(r::add);
            return r;
        }
        if (v instanceof Iterator<?> it) {
            List<Object> r = new ArrayList<>();
            it.forEachRemaining(r::add);
            return r;
        }
        if (v instanceof Object[] arr) {
            return new ArrayList<>(List.of(arr));
        }
        throw PyException.typeError("'" + typeName(v) + "' object is not iterable");
    }

    static long length(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Undefined) {
            return 0;
        }
        if (v instanceof Iterable<?>) {
            return iterate(v).size();
        }
        throw PyException.typeError("object of type '" + typeName(v) + "' has no len()");
    }
}
