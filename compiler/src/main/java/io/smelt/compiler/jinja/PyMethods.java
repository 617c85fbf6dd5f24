package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's str, list, dict and set methods on template values. */
final class PyMethods {
    private static final Set<String> STR = Set.of("capitalize", "casefold", "center", "count", "endswith", "find",
            "format", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
            "isnumeric", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "partition",
            "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip",
            "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper", "zfill", "encode");
    private static final Set<String> LIST = Set.of("append", "clear", "copy", "count", "extend", "index", "insert",
            "pop", "remove", "reverse", "sort");
    private static final Set<String> TUPLE = Set.of("count", "index");
    private static final Set<String> DICT = Set.of("clear", "copy", "get", "items", "keys", "pop", "popitem",
            "setdefault", "update", "values");
    private static final Set<String> SET = Set.of("add", "clear", "copy", "difference", "discard", "intersection",
            "issubset", "issuperset", "pop", "remove", "union", "update", "symmetric_difference", "isdisjoint");

    private PyMethods() {
    }

    static boolean hasMethod(Object obj, String name) {
        if (obj instanceof String) {
            return STR.contains(name);
        }
        if (obj instanceof PyTuple) {
            return TUPLE.contains(name);
        }
        if (obj instanceof List) {
            return LIST.contains(name);
        }
        if (obj instanceof Map) {
            return DICT.contains(name);
        }
        if (obj instanceof Set) {
            return SET.contains(name);
        }
        return false;
    }

    static Object call(Object self, String name, List<Object> args, Map<String, Object> kwargs) {
        if (self instanceof String s) {
            return PyStrMethods.call(s, name, args, kwargs);
        }
        if (self instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return listMethod(list, name, args, kwargs);
        }
        if (self instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) m;
            return dictMethod(map, name, args, kwargs);
        }
        if (self instanceof Set<?> s) {
            @SuppressWarnings("unchecked")
            Set<Object> set = (Set<Object>) s;
            return setMethod(set, name, args);
        }
        throw new PyException("'" + PyOps.typeName(self) + "' object has no attribute '" + name + "'");
    }

    static Object arg(List<Object> args, Map<String, Object> kwargs, int i, String name, Object dflt) {
        if (i < args.size()) {
            return args.get(i);
        }
        if (kwargs != null && kwargs.containsKey(name)) {
            return kwargs.get(name);
        }
        return dflt;
    }

    private static Object listMethod(List<Object> l, String name, List<Object> args, Map<String, Object> kw) {
        switch (name) {
            case "append" -> l.add(arg(args, kw, 0, "object", null));
            case "extend" -> l.addAll(PyOps.iterate(arg(args, kw, 0, "iterable", null)));
            case "insert" -> {
                int size = l.size();
                long i = PyOps.toLong(args.get(0));
                if (i < 0) {
                    i = Math.max(0, i + size);
                }
                l.add((int) Math.min(i, size), args.get(1));
            }
            case "pop" -> {
                if (l.isEmpty()) {
                    throw new PyException("pop from empty list");
                }
                long i = args.isEmpty() ? -1 : PyOps.toLong(args.get(0));
                if (i < 0) {
                    i += l.size();
                }
                if (i < 0 || i >= l.size()) {
                    throw new PyException("pop index out of range");
                }
                return l.remove((int) i);
            }
            case "remove" -> {
                int i = indexOf(l, args.get(0));
                if (i < 0) {
                    throw new PyException("list.remove(x): x not in list");
                }
                l.remove(i);
            }
            case "index" -> {
                int i = indexOf(l, args.get(0));
                if (i < 0) {
                    throw new PyException(PyStr.repr(args.get(0)) + " is not in list");
                }
                return (long) i;
            }
            case "count" -> {
                long c = 0;
                for (Object o : l) {
                    if (PyOps.eq(o, args.get(0))) {
                        c++;
                    }
                }
                return c;
            }
            case "clear" -> l.clear();
            case "copy" -> {
                return new ArrayList<>(l);
            }
            case "reverse" -> java.util.Collections.reverse(l);
            case "sort" -> {
                List<Object> sorted = ListFilters.sortItems(l, PyOps.truthy(arg(List.of(), kw, 0, "reverse", false)), true,
                        null);
                l.clear();
                l.addAll(sorted);
            }
            default -> throw new PyException("'list' object has no attribute '" + name + "'");
        }
        return null;
    }

    private static int indexOf(List<?> l, Object item) {
        for (int i = 0; i < l.size(); i++) {
            if (PyOps.eq(l.get(i), item)) {
                return i;
            }
        }
        return -1;
    }

    private static Object dictMethod(Map<Object, Object> m, String name, List<Object> args, Map<String, Object> kw) {
        switch (name) {
            case "get" -> {
                Object key = args.get(0);
                Object dflt = args.size() > 1 ? args.get(1) : null;
                Object v = PyAccess.getitem(m, key);
                return v instanceof Undefined || (v instanceof PyAccess.BoundMethod && !m.containsKey(key)) ? dflt : v;
            }
            case "items" -> {
                List<Object> r = new ArrayList<>(m.size());
                m.forEach((k, v) -> r.add(PyTuple.of(k, v)));
                return r;
            }
            case "keys" -> {
                return new ArrayList<>(m.keySet());
            }
            case "values" -> {
                return new ArrayList<>(m.values());
            }
            case "pop" -> {
                Object key = args.get(0);
                if (m.containsKey(key)) {
                    return m.remove(key);
                }
                if (args.size() > 1) {
                    return args.get(1);
                }
                throw new PyException("KeyError: " + PyStr.repr(key));
            }
            case "popitem" -> {
                if (m.isEmpty()) {
                    throw new PyException("KeyError: 'popitem(): dictionary is empty'");
                }
                Object last = null;
                for (Object k : m.keySet()) {
                    last = k;
                }
                return PyTuple.of(last, m.remove(last));
            }
            case "setdefault" -> {
                Object key = args.get(0);
                if (!m.containsKey(key)) {
                    m.put(key, args.size() > 1 ? args.get(1) : null);
                }
                return m.get(key);
            }
            case "update" -> {
                if (!args.isEmpty()) {
                    Object other = args.get(0);
                    if (other instanceof Map<?, ?> om) {
                        m.putAll(om);
                    } else {
                        for (Object pair : PyOps.iterate(other)) {
                            List<Object> kv = PyOps.iterate(pair);
                            m.put(kv.get(0), kv.get(1));
                        }
                    }
                }
                if (kw != null) {
                    m.putAll(kw);
                }
            }
            case "copy" -> {
                return new LinkedHashMap<>(m);
            }
            case "clear" -> m.clear();
            default -> throw new PyException("'dict' object has no attribute '" + name + "'");
        }
        return null;
    }

    private static Object setMethod(Set<Object> s, String name, List<Object> args) {
        switch (name) {
            case "add" -> s.add(args.get(0));
            case "discard" -> s.remove(args.get(0));
            case "remove" -> {
                if (!s.remove(args.get(0))) {
                    throw new PyException("KeyError: " + PyStr.repr(args.get(0)));
                }
            }
            case "clear" -> s.clear();
            case "copy" -> {
                return new LinkedHashSet<>(s);
            }
            case "pop" -> {
                Iterator<Object> it = s.iterator();
                if (!it.hasNext()) {
                    throw new PyException("KeyError: 'pop from an empty set'");
                }
                Object v = it.next();
                it.remove();
                return v;
            }
            case "update" -> args.forEach(a -> s.addAll(PyOps.iterate(a)));
            case "union" -> {
                Set<Object> r = new LinkedHashSet<>(s);
                args.forEach(a -> r.addAll(PyOps.iterate(a)));
                return r;
            }
            case "intersection" -> {
                Set<Object> r = new LinkedHashSet<>(s);
                args.forEach(a -> r.retainAll(PyOps.iterate(a)));
                return r;
            }
            case "difference" -> {
                Set<Object> r = new LinkedHashSet<>(s);
                args.forEach(a -> r.removeAll(PyOps.iterate(a)));
                return r;
            }
            case "symmetric_difference" -> {
                Set<Object> other = new LinkedHashSet<>(PyOps.iterate(args.get(0)));
                Set<Object> r = new LinkedHashSet<>(s);
                r.removeAll(other);
                other.removeAll(s);
                r.addAll(other);
                return r;
            }
            case "issubset" -> {
                return PyOps.iterate(args.get(0)).containsAll(s);
            }
            case "issuperset" -> {
                return s.containsAll(PyOps.iterate(args.get(0)));
            }
            case "isdisjoint" -> {
                Collection<Object> other = PyOps.iterate(args.get(0));
                return other.stream().noneMatch(s::contains);
            }
            default -> throw new PyException("'set' object has no attribute '" + name + "'");
        }
        return null;
    }
}
