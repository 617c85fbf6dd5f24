package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Jinja2's {@code getattr}/{@code getitem}: attribute first for {@code a.b}, item first for {@code a[b]}. */
final class PyAccess {
    private PyAccess() {
    }

    /** A slice {@code a[start:stop:step]}; null parts are omitted. */
    record Slice(Object start, Object stop, Object step) {
    }

    /** A method of a built-in value, bound to it: {@code 'a'.upper}. */
    record BoundMethod(Object self, String name) implements PyCallable {
        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            return PyMethods.call(self, name, args, kwargs);
        }

        @Override
        public String toString() {
            return "<built-in method " + name + " of " + PyOps.typeName(self) + " object>";
        }
    }

    static Object getattr(Object obj, String name) {
        if (obj instanceof Map<?, ?> m) {
            if (PyMethods.hasMethod(obj, name)) {
                return new BoundMethod(obj, name);
            }
            Object v = m.get(name);
            return v != null || m.containsKey(name) ? v : Undefined.attribute(obj, name);
        }
        if (obj instanceof JinjaObject jo) {
            Object v = jo.attribute(name);
            return v != null || jo.hasNoneAttribute(name) ? v : Undefined.attribute(obj, name);
        }
        if (obj instanceof PyObject po) {
            return po.getAttr(name);
        }
        if (obj instanceof Undefined u) {
            throw u.error();
        }
        if (PyMethods.hasMethod(obj, name)) {
            return new BoundMethod(obj, name);
        }
        return Undefined.attribute(obj, name);
    }

    static Object getitem(Object obj, Object key) {
        if (obj instanceof Map<?, ?> m) {
            Object v = m.get(key);
            if (v != null || m.containsKey(key)) {
                return v;
            }
            if (PyOps.isNumber(key)) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (PyOps.eq(e.getKey(), key)) {
                        return e.getValue();
                    }
                }
            }
            if (key instanceof String name && PyMethods.hasMethod(obj, name)) {
                return new BoundMethod(obj, name);
            }
            return Undefined.attribute(obj, key);
        }
        if (obj instanceof List<?> || obj instanceof String) {
            if (key instanceof Slice s) {
                return slice(obj, s);
            }
            if (PyOps.isInteger(key) || key instanceof Boolean) {
                int size = obj instanceof String str ? str.length() : ((List<?>) obj).size();
                long i = PyOps.toLong(key);
                if (i < 0) {
                    i += size;
                }
                if (i < 0 || i >= size) {
                    return Undefined.attribute(obj, key);
                }
                return obj instanceof String str ? String.valueOf(str.charAt((int) i)) : ((List<?>) obj).get((int) i);
            }
            if (key instanceof String name) {
                return getattr(obj, name);
            }
            return Undefined.attribute(obj, key);
        }
        if (obj instanceof JinjaObject jo) {
            Object v = jo.item(key);
            return v == null ? Undefined.attribute(obj, key) : v;
        }
        if (obj instanceof Undefined u) {
            throw u.error();
        }
        if (obj instanceof PyRe.Match match && !(key instanceof String && !match.re().names().containsKey(key))) {
            return match.group(key);
        }
        if (key instanceof String name) {
            return getattr(obj, name);
        }
        return Undefined.attribute(obj, key);
    }

    private static Object slice(Object obj, Slice s) {
        int size = obj instanceof String str ? str.length() : ((List<?>) obj).size();
        long step = s.step() == null ? 1 : PyOps.toLong(s.step());
        if (step == 0) {
            throw new PyException("slice step cannot be zero");
        }
        long start;
        long stop;
        if (step > 0) {
            start = bound(s.start(), size, 0, 0, size);
            stop = bound(s.stop(), size, size, 0, size);
        } else {
            start = bound(s.start(), size, size - 1, -1, size - 1);
            stop = bound(s.stop(), size, -1, -1, size - 1);
        }
        if (obj instanceof String str) {
            StringBuilder b = new StringBuilder();
            for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
                b.append(str.charAt((int) i));
            }
            return b.toString();
        }
        List<?> list = (List<?>) obj;
        List<Object> r = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            r.add(list.get((int) i));
        }
        return obj instanceof PyTuple ? PyTuple.copyOf(r) : r;
    }

    private static long bound(Object v, int size, long dflt, long lo, long hi) {
        if (v == null) {
            return dflt;
        }
        long i = PyOps.toLong(v);
        if (i < 0) {
            i += size;
        }
        return Math.max(lo, Math.min(hi, i));
    }

    static boolean isSet(Object v) {
        return v instanceof Set<?>;
    }
}
