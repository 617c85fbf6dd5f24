package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.smelt.compiler.jinja.PyMethods.arg;

/** Jinja2's built-in filters plus dbt's {@code as_text}, {@code as_bool}, {@code as_number}, {@code as_native}. */
final class Filters {
    /** One filter: {@code value | name(args, kwargs)}. */
    @FunctionalInterface
    interface Filter {
        Object apply(Object r, Object value, List<Object> args, Map<String, Object> kwargs);
    }

    private static final Map<String, Filter> ALL = new HashMap<>();

    private Filters() {
    }

    static Map<String, Filter> all() {
        return ALL;
    }

    static Filter get(String name) {
        return ALL.get(name);
    }

    private static void add(Filter f, String... names) {
        for (String n : names) {
            ALL.put(n, f);
        }
    }

    private static String s(Object v) {
        return PyStr.str(v);
    }

    static {
        add((r, v, a, k) -> PyStr.str(v), "string", "as_text", "as_bool", "as_number", "as_native", "safe");
        add((r, v, a, k) -> v instanceof List<?> && !(v instanceof PyTuple), "is_list");
        add((r, v, a, k) -> s(v).toLowerCase(Locale.ROOT), "lower");
        add((r, v, a, k) -> s(v).toUpperCase(Locale.ROOT), "upper");
        add((r, v, a, k) -> title(s(v)), "title");
        add((r, v, a, k) -> PyStrMethods.call(s(v), "capitalize", List.of(), null), "capitalize");
        add((r, v, a, k) -> PyStrMethods.strip(s(v), arg(a, k, 0, "chars", null), true, true), "trim");
        add((r, v, a, k) -> PyStrMethods.pad(s(v), "center", (int) PyOps.toLong(arg(a, k, 0, "width", 80L)), " "),
                "center");
        add((r, v, a, k) -> PyStrMethods.replace(s(v), s(a.get(0)), s(a.get(1)),
                a.size() > 2 && a.get(2) != null ? PyOps.toLong(a.get(2)) : -1), "replace");
        add((r, v, a, k) -> PyOps.length(v), "length", "count");
        add((r, v, a, k) -> {
            Object dflt = arg(a, k, 0, "default_value", "");
            boolean bool = PyOps.truthy(arg(a, k, 1, "boolean", false));
            return v instanceof Undefined || (bool && !PyOps.truthy(v)) ? dflt : v;
        }, "default", "d");
        add((r, v, a, k) -> {
            List<Object> items = PyOps.iterate(v);
            return items.isEmpty() ? Undefined.withMessage("No first item, sequence was empty.") : items.get(0);
        }, "first");
        add((r, v, a, k) -> {
            List<Object> items = PyOps.iterate(v);
            return items.isEmpty() ? Undefined.withMessage("No last item, sequence was empty.")
                    : items.get(items.size() - 1);
        }, "last");
        add((r, v, a, k) -> PyOps.iterate(v), "list");
        add((r, v, a, k) -> join(v, s(arg(a, k, 0, "d", "")), arg(a, k, 1, "attribute", null)), "join");
        add((r, v, a, k) -> toInt(v, arg(a, k, 0, "default", 0L), PyOps.toLong(arg(a, k, 1, "base", 10L))), "int");
        add((r, v, a, k) -> toFloat(v, arg(a, k, 0, "default", 0.0)), "float");
        add((r, v, a, k) -> abs(v), "abs");
        add((r, v, a, k) -> round(v, (int) PyOps.toLong(arg(a, k, 0, "precision", 0L)),
                s(arg(a, k, 1, "method", "common"))), "round");
        add((r, v, a, k) -> {
            Object attr = arg(a, k, 0, "attribute", null);
            Object total = arg(a, k, 1, "start", 0L);
            for (Object o : PyOps.iterate(v)) {
                total = PyArith.add(total, attr == null ? o : attribute(o, attr));
            }
            return total;
        }, "sum");
        add((r, v, a, k) -> sortItems(PyOps.iterate(v), PyOps.truthy(arg(a, k, 0, "reverse", false)),
                PyOps.truthy(arg(a, k, 1, "case_sensitive", false)), arg(a, k, 2, "attribute", null)), "sort");
        add((r, v, a, k) -> unique(v, PyOps.truthy(arg(a, k, 0, "case_sensitive", false)),
                arg(a, k, 1, "attribute", null)), "unique");
        add((r, v, a, k) -> extreme(v, a, k, false), "min");
        add((r, v, a, k) -> extreme(v, a, k, true), "max");
        add((r, v, a, k) -> {
            if (v instanceof String str) {
                return new StringBuilder(str).reverse().toString();
            }
            List<Object> items = PyOps.iterate(v);
            java.util.Collections.reverse(items);
            return items;
        }, "reverse");
        add((r, v, a, k) -> PyAccess.getattr(v, s(a.get(0))), "attr");
        add(Filters::map, "map");
        add((r, v, a, k) -> select(r, v, a, false, false), "select");
        add((r, v, a, k) -> select(r, v, a, true, false), "reject");
        add((r, v, a, k) -> select(r, v, a, false, true), "selectattr");
        add((r, v, a, k) -> select(r, v, a, true, true), "rejectattr");
        add((r, v, a, k) -> {
            if (!a.isEmpty() && !k.isEmpty()) {
                throw new PyException("can't handle positional and keyword arguments at the same time");
            }
            return PyFormat.percent(s(v), k.isEmpty() ? PyTuple.copyOf(a) : k);
        }, "format");
        add((r, v, a, k) -> Json.dump(v, arg(a, k, 0, "indent", null), true, true), "tojson");
        add((r, v, a, k) -> items(v), "items");
        add((r, v, a, k) -> dictsort(v, PyOps.truthy(arg(a, k, 0, "case_sensitive", false)),
                s(arg(a, k, 1, "by", "key")), PyOps.truthy(arg(a, k, 2, "reverse", false))), "dictsort");
        add((r, v, a, k) -> indent(s(v), arg(a, k, 0, "width", 4L), PyOps.truthy(arg(a, k, 1, "first", false)),
                PyOps.truthy(arg(a, k, 2, "blank", false))), "indent");
        add((r, v, a, k) -> truncate(s(v), (int) PyOps.toLong(arg(a, k, 0, "length", 255L)),
                PyOps.truthy(arg(a, k, 1, "killwords", false)), s(arg(a, k, 2, "end", "...")),
                arg(a, k, 3, "leeway", null)), "truncate");
        add((r, v, a, k) -> (long) s(v).split("\\W+").length - (s(v).matches("^\\W.*|^$") ? 1 : 0), "wordcount");
        add((r, v, a, k) -> s(v).replaceAll("(?s)<!--.*?-->|<[^>]*>", "").replaceAll("\\s+", " ").strip(),
                "striptags");
        add((r, v, a, k) -> escape(s(v)), "escape", "e", "forceescape");
        add((r, v, a, k) -> PyStr.repr(v), "pprint");
        add((r, v, a, k) -> {
            List<Object> items = PyOps.iterate(v);
            return items.isEmpty() ? Undefined.withMessage("No random item, sequence was empty.")
                    : items.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(items.size()));
        }, "random");
        add((r, v, a, k) -> batch(v, (int) PyOps.toLong(a.get(0)), arg(a, k, 1, "fill_with", null), a.size() > 1),
                "batch");
        add((r, v, a, k) -> groupby(v, arg(a, k, 0, "attribute", null), arg(a, k, 1, "default", null)), "groupby");
        add((r, v, a, k) -> urlencode(v), "urlencode");
        add((r, v, a, k) -> filesize(v, PyOps.truthy(arg(a, k, 0, "binary", false))), "filesizeformat");
    }

    static String title(String s) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            boolean sep = Character.isWhitespace(c) || "-({[<".indexOf(c) >= 0;
            b.append(sep ? c : start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = sep;
        }
        return b.toString();
    }

    private static String join(Object v, String sep, Object attr) {
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

    private static Object toInt(Object v, Object dflt, long base) {
        try {
            if (v instanceof String str) {
                String t = str.strip().replace("_", "");
                if (base == 16 && t.toLowerCase(Locale.ROOT).startsWith("0x")) {
                    t = t.substring(2);
                }
                return PyOps.normalizeBig(new java.math.BigInteger(t, (int) base));
            }
            if (PyOps.isInteger(v)) {
                return v;
            }
            if (PyOps.isNumber(v)) {
                return PyOps.normalizeBig(new BigDecimal(PyOps.toDouble(v)).toBigInteger());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            Object f = toFloat(v, null);
            if (f instanceof Double d && !d.isNaN() && !d.isInfinite()) {
                return PyOps.normalizeBig(new BigDecimal(d).toBigInteger());
            }
        }
        return dflt;
    }

    private static Object toFloat(Object v, Object dflt) {
        if (PyOps.isNumber(v)) {
            return PyOps.toDouble(v);
        }
        if (v instanceof String str) {
            String t = str.strip().toLowerCase(Locale.ROOT);
            if (t.matches("[+-]?(inf|infinity|nan)")) {
                return t.contains("nan") ? Double.NaN : t.startsWith("-") ? Double.NEGATIVE_INFINITY
                        : Double.POSITIVE_INFINITY;
            }
            try {
                if (t.matches("[+-]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    return Double.parseDouble(t.replace("_", ""));
                }
            } catch (NumberFormatException ignored) {
                return dflt;
            }
        }
        return dflt;
    }

    private static Object abs(Object v) {
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        if (v instanceof BigDecimal d) {
            return d.abs();
        }
        if (PyOps.isNumber(v)) {
            return PyOps.truthy(PyOps.compare(v, 0L, "<") < 0) ? PyArith.neg(v) : PyArith.pos(v);
        }
        throw PyException.typeError("bad operand type for abs(): '" + PyOps.typeName(v) + "'");
    }

    private static Object round(Object v, int precision, String method) {
        if (PyOps.isInteger(v) && method.equals("common")) {
            return v;
        }
        BigDecimal d = v instanceof BigDecimal bd ? bd : new BigDecimal(PyOps.toDouble(v));
        RoundingMode mode = switch (method) {
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            case "common" -> RoundingMode.HALF_EVEN;
            default -> throw new PyException("FilterArgumentError: method must be common, ceil or floor");
        };
        return d.setScale(precision, mode).doubleValue();
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

    private static Object unique(Object v, boolean caseSensitive, Object attr) {
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

    private static Object extreme(Object v, List<Object> a, Map<String, Object> k, boolean max) {
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
    private static Object map(Object r, Object v, List<Object> a, Map<String, Object> k) {
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
        Filter f = get(s(a.get(0)));
        if (f == null) {
            throw new PyException("No filter named " + PyStr.repr(a.get(0)) + ".");
        }
        List<Object> rest = a.subList(1, a.size());
        for (Object o : PyOps.iterate(v)) {
            out.add(f.apply(r, o, rest, k));
        }
        return out;
    }

    private static Object select(Object r, Object v, List<Object> a, boolean reject, boolean byAttr) {
        if (!PyOps.truthy(v)) {
            return new ArrayList<>();
        }
        Object attr = byAttr ? a.get(0) : null;
        List<Object> rest = byAttr ? a.subList(1, a.size()) : a;
        Tests.Test test = null;
        if (!rest.isEmpty()) {
            test = Tests.get(s(rest.get(0)));
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

    private static List<Object> items(Object v) {
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

    private static Object dictsort(Object v, boolean caseSensitive, String by, boolean reverse) {
        int pos = by.equals("key") ? 0 : 1;
        List<Object> pairs = items(v);
        Function<Object, Object> key = key(caseSensitive, null);
        Comparator<Object> cmp = (x, y) -> PyOps.compare(key.apply(((List<?>) x).get(pos)),
                key.apply(((List<?>) y).get(pos)), "<");
        pairs.sort(reverse ? cmp.reversed() : cmp);
        return pairs;
    }

    private static String indent(String s, Object width, boolean first, boolean blank) {
        String ind = width instanceof String w ? w : " ".repeat((int) PyOps.toLong(width));
        List<String> lines = new ArrayList<>(List.of((s + "\n").split("\n", -1)));
        lines.remove(lines.size() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                b.append('\n');
                if (blank || !line.isEmpty()) {
                    b.append(ind);
                }
            }
            b.append(line);
        }
        return (first ? ind : "") + b;
    }

    private static String truncate(String s, int length, boolean killwords, String end, Object leeway) {
        int lee = leeway == null ? 5 : (int) PyOps.toLong(leeway);
        if (s.length() <= length + lee) {
            return s;
        }
        String cut = s.substring(0, Math.max(0, length - end.length()));
        if (killwords) {
            return cut + end;
        }
        int sp = cut.lastIndexOf(' ');
        return (sp >= 0 ? cut.substring(0, sp) : cut) + end;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }

    private static Object batch(Object v, int size, Object fill, boolean doFill) {
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

    private static Object groupby(Object v, Object attr, Object dflt) {
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

    private static String urlencode(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((key, val) -> parts.add(quote(PyStr.str(key), "") + "=" + quote(PyStr.str(val), "")));
            return String.join("&", parts);
        }
        return quote(PyStr.str(v), "/");
    }

    private static String quote(String s, String safe) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || "_.-~".indexOf(u) >= 0
                    || safe.indexOf(u) >= 0) {
                b.append((char) u);
            } else {
                b.append(String.format("%%%02X", u));
            }
        }
        return b.toString();
    }

    private static String filesize(Object v, boolean binary) {
        double bytes = PyOps.toDouble(toFloat(v, 0.0));
        int base = binary ? 1024 : 1000;
        String[] prefixes = binary ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
                : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < base) {
            return (long) bytes + " Bytes";
        }
        String out = null;
        for (int i = 0; i < prefixes.length; i++) {
            double unit = Math.pow(base, i + 2);
            if (bytes < unit) {
                return String.format("%.1f %s", base * bytes / unit, prefixes[i]);
            }
            out = String.format("%.1f %s", base * bytes / unit, prefixes[i]);
        }
        return out;
    }

    static Set<String> names() {
        return new LinkedHashSet<>(ALL.keySet());
    }
}
