package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import static io.smelt.compiler.jinja.PyMethods.arg;

/** The filters of {@link Filters} that walk sequences and mappings: join, sort, map, select, groupby and kin. */
final class ListFilters {
    private ListFilters() {
    }

    static String join(Object v, String sep, Object attr) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Object o : PyOps.iterate(v)) {
            if (!first) {
                b.append(sep);
            }
            first = false;
            b.append(PyStr.str(attr == null ? o : attribute(o, attr)));
        }
        return b.toString();
    }

    /** The item at {@code index(size)}, or an undefined that names {@code which} when the sequence is empty. */
    static Object pick(Object v, String which, IntUnaryOperator index) {
        List<Object> items = PyOps.iterate(v);
        return items.isEmpty() ? Undefined.withMessage("No " + which + " item, sequence was empty.")
                : items.get(index.applyAsInt(items.size()));
    }

    static Object sum(Object v, Object attr, Object start) {
        Object total = start;
        for (Object o : PyOps.iterate(v)) {
            total = PyArith.add(total, attr == null ? o : attribute(o, attr));
        }
        return total;
    }

    static Object reverse(Object v) {
        if (v instanceof String str) {
            return new StringBuilder(str).reverse().toString();
        }
        List<Object> items = PyOps.iterate(v);
        Collections.reverse(items);
        return items;
    }

    /** Jinja2's attribute getter: {@code "a.b"} and {@code "0"} walk items, then attributes. */
    static Object attribute(Object item, Object attr) {
        if (!(attr instanceof String path)) {
            return PyAccess.getitem(item, attr);
        }
        Object v = item;
        for (String part : path.split("\\.")) {
            v = PyAccess.getitem(v, !part.isEmpty() && part.chars().allMatch(Character::isDigit)
                    ? (Object) Long.parseLong(part) : part);
        }
        return v;
    }

    private static Function<Object, Object> key(boolean caseSensitive, Object attr) {
        return o -> {
            Object v = attr == null ? o : attribute(o, attr);
            return !caseSensitive && v instanceof String str ? str.toLowerCase(Locale.ROOT) : v;
        };
    }

    static List<Object> sortItems(List<Object> items, boolean reverse, boolean caseSensitive, Object attr) {
        Function<Object, Object> key = key(caseSensitive, attr);
        Comparator<Object> cmp = (x, y) -> PyOps.compare(key.apply(x), key.apply(y), "<");
        List<Object> sorted = new ArrayList<>(items);
        sorted.sort(reverse ? cmp.reversed() : cmp);
        return sorted;
    }

    static Object unique(Object v, boolean caseSensitive, Object attr) {
        Function<Object, Object> key = key(caseSensitive, attr);
        List<Object> seenKeys = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) {
            Object k = key.apply(o);
            if (seenKeys.stream().noneMatch(s -> PyOps.eq(s, k))) {
                seenKeys.add(k);
                out.add(o);
            }
        }
        return out;
    }

    static Object extreme(Object v, List<Object> a, Map<String, Object> k, boolean max) {
        Function<Object, Object> key = key(PyOps.truthy(arg(a, k, 0, "case_sensitive", false)),
                arg(a, k, 1, "attribute", null));
        Object best = null;
        boolean any = false;
        for (Object o : PyOps.iterate(v)) {
            int c = any ? PyOps.compare(key.apply(o), key.apply(best), "<") : 0;
            if (!any || (max ? c > 0 : c < 0)) {
                best = o;
                any = true;
            }
        }
        return any ? best : Undefined.withMessage("No aggregated item, sequence was empty.");
    }

    /** Jinja2's {@code map}; like {@code select} and friends, it yields nothing for a falsy value such as none. */
    static Object map(Object r, Object v, List<Object> a, Map<String, Object> k) {
        List<Object> out = new ArrayList<>();
        if (!PyOps.truthy(v)) {
            return out;
        }
        if (a.isEmpty() && k.containsKey("attribute")) {
            Object attr = k.get("attribute");
            Object dflt = k.get("default");
            for (Object o : PyOps.iterate(v)) {
                Object x = attribute(o, attr);
                out.add(x instanceof Undefined && k.containsKey("default") ? dflt : x);
            }
            return out;
        }
        if (a.isEmpty()) {
            throw new PyException("map requires a filter argument");
        }
        Filters.Filter f = Filters.get(PyStr.str(a.get(0)));
        if (f == null) {
            throw new PyException("No filter named " + PyStr.repr(a.get(0)) + ".");
        }
        List<Object> rest = a.subList(1, a.size());
        for (Object o : PyOps.iterate(v)) {
            out.add(f.apply(r, o, rest, k));
        }
        return out;
    }

    static Object select(Object r, Object v, List<Object> a, boolean reject, boolean byAttr) {
        if (!PyOps.truthy(v)) {
            return new ArrayList<>();
        }
        Object attr = byAttr ? a.get(0) : null;
        List<Object> rest = byAttr ? a.subList(1, a.size()) : a;
        Tests.Test test = null;
        if (!rest.isEmpty()) {
            test = Tests.get(PyStr.str(rest.get(0)));
            if (test == null) {
                throw new PyException("No test named " + PyStr.repr(rest.get(0)) + ".");
            }
        }
        List<Object> testArgs = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
        List<Object> out = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) {
            Object x = byAttr ? attribute(o, attr) : o;
            boolean ok = test == null ? PyOps.truthy(x) : test.test(r, x, testArgs);
            if (ok != reject) {
                out.add(o);
            }
        }
        return out;
    }

    static List<Object> items(Object v) {
        if (v instanceof Undefined) {
            return new ArrayList<>();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new PyException("FilterArgumentError: Can only get item pairs from a mapping.");
        }
        List<Object> out = new ArrayList<>();
        m.forEach((key, val) -> out.add(PyTuple.of(key, val)));
        return out;
    }

    static Object dictsort(Object v, boolean caseSensitive, String by, boolean reverse) {
        int pos = by.equals("key") ? 0 : 1;
        List<Object> pairs = items(v);
        Function<Object, Object> key = key(caseSensitive, null);
        Comparator<Object> cmp = (x, y) -> PyOps.compare(key.apply(((List<?>) x).get(pos)),
                key.apply(((List<?>) y).get(pos)), "<");
        pairs.sort(reverse ? cmp.reversed() : cmp);
        return pairs;
    }

    static Object batch(Object v, int size, Object fill, boolean doFill) {
        List<Object> out = new ArrayList<>();
        List<Object> cur = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) {
            cur.add(o);
            if (cur.size() == size) {
                out.add(cur);
                cur = new ArrayList<>();
            }
        }
        if (!cur.isEmpty()) {
            while (doFill && cur.size() < size) {
                cur.add(fill);
            }
            out.add(cur);
        }
        return out;
    }

    static Object groupby(Object v, Object attr, Object dflt) {
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        for (Object o : sortItems(PyOps.iterate(v), false, true, attr)) {
            Object key = attribute(o, attr);
            if (key instanceof Undefined && dflt != null) {
                key = dflt;
            }
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(o);
        }
        List<Object> out = new ArrayList<>();
        groups.forEach((key, list) -> out.add(new Builtins.GroupTuple(key, list)));
        return out;
    }
}
