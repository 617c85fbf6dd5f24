package io.smelt.compiler.jinja;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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
        add((r, v, a, k) -> TextFilters.title(s(v)), "title");
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
        add((r, v, a, k) -> ListFilters.pick(v, "first", n -> 0), "first");
        add((r, v, a, k) -> ListFilters.pick(v, "last", n -> n - 1), "last");
        add((r, v, a, k) -> PyOps.iterate(v), "list");
        add((r, v, a, k) -> ListFilters.join(v, s(arg(a, k, 0, "d", "")), arg(a, k, 1, "attribute", null)), "join");
        add((r, v, a, k) -> NumberFilters.toInt(v, arg(a, k, 0, "default", 0L), PyOps.toLong(arg(a, k, 1, "base", 10L))), "int");
        add((r, v, a, k) -> NumberFilters.toFloat(v, arg(a, k, 0, "default", 0.0)), "float");
        add((r, v, a, k) -> NumberFilters.abs(v), "abs");
        add((r, v, a, k) -> NumberFilters.round(v, (int) PyOps.toLong(arg(a, k, 0, "precision", 0L)),
                s(arg(a, k, 1, "method", "common"))), "round");
        add((r, v, a, k) -> ListFilters.sum(v, arg(a, k, 0, "attribute", null), arg(a, k, 1, "start", 0L)), "sum");
        add((r, v, a, k) -> ListFilters.sortItems(PyOps.iterate(v), PyOps.truthy(arg(a, k, 0, "reverse", false)),
                PyOps.truthy(arg(a, k, 1, "case_sensitive", false)), arg(a, k, 2, "attribute", null)), "sort");
        add((r, v, a, k) -> ListFilters.unique(v, PyOps.truthy(arg(a, k, 0, "case_sensitive", false)),
                arg(a, k, 1, "attribute", null)), "unique");
        add((r, v, a, k) -> ListFilters.extreme(v, a, k, false), "min");
        add((r, v, a, k) -> ListFilters.extreme(v, a, k, true), "max");
        add((r, v, a, k) -> ListFilters.reverse(v), "reverse");
        add((r, v, a, k) -> PyAccess.getattr(v, s(a.get(0))), "attr");
        add(ListFilters::map, "map");
        add((r, v, a, k) -> ListFilters.select(r, v, a, false, false), "select");
        add((r, v, a, k) -> ListFilters.select(r, v, a, true, false), "reject");
        add((r, v, a, k) -> ListFilters.select(r, v, a, false, true), "selectattr");
        add((r, v, a, k) -> ListFilters.select(r, v, a, true, true), "rejectattr");
        add((r, v, a, k) -> {
            if (!a.isEmpty() && !k.isEmpty()) {
                throw new PyException("can't handle positional and keyword arguments at the same time");
            }
            return PyFormat.percent(s(v), k.isEmpty() ? PyTuple.copyOf(a) : k);
        }, "format");
        add((r, v, a, k) -> Json.dump(v, arg(a, k, 0, "indent", null), true, true), "tojson");
        add((r, v, a, k) -> ListFilters.items(v), "items");
        add((r, v, a, k) -> ListFilters.dictsort(v, PyOps.truthy(arg(a, k, 0, "case_sensitive", false)),
                s(arg(a, k, 1, "by", "key")), PyOps.truthy(arg(a, k, 2, "reverse", false))), "dictsort");
        add((r, v, a, k) -> TextFilters.indent(s(v), arg(a, k, 0, "width", 4L), PyOps.truthy(arg(a, k, 1, "first", false)),
                PyOps.truthy(arg(a, k, 2, "blank", false))), "indent");
        add((r, v, a, k) -> TextFilters.truncate(s(v), (int) PyOps.toLong(arg(a, k, 0, "length", 255L)),
                PyOps.truthy(arg(a, k, 1, "killwords", false)), s(arg(a, k, 2, "end", "...")),
                arg(a, k, 3, "leeway", null)), "truncate");
        add((r, v, a, k) -> (long) s(v).split("\\W+").length - (s(v).matches("^\\W.*|^$") ? 1 : 0), "wordcount");
        add((r, v, a, k) -> s(v).replaceAll("(?s)<!--.*?-->|<[^>]*>", "").replaceAll("\\s+", " ").strip(),
                "striptags");
        add((r, v, a, k) -> TextFilters.escape(s(v)), "escape", "e", "forceescape");
        add((r, v, a, k) -> PyStr.repr(v), "pprint");
        add((r, v, a, k) -> ListFilters.pick(v, "random", n -> ThreadLocalRandom.current().nextInt(n)), "random");
        add((r, v, a, k) -> ListFilters.batch(v, (int) PyOps.toLong(a.get(0)), arg(a, k, 1, "fill_with", null), a.size() > 1),
                "batch");
        add((r, v, a, k) -> ListFilters.groupby(v, arg(a, k, 0, "attribute", null), arg(a, k, 1, "default", null)), "groupby");
        add((r, v, a, k) -> TextFilters.urlencode(v), "urlencode");
        add((r, v, a, k) -> NumberFilters.filesize(v, PyOps.truthy(arg(a, k, 0, "binary", false))), "filesizeformat");
    }

    static Set<String> names() {
        return new LinkedHashSet<>(ALL.keySet());
    }
}
