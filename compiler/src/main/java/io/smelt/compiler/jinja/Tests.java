package io.smelt.compiler.jinja;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Jinja2's built-in tests ({@code x is defined}, {@code x is odd}, ...). */
final class Tests {
    /** One test; {@code args} are the test's arguments after the tested value. */
    @FunctionalInterface
    interface Test {
        boolean test(Object r, Object v, List<Object> args);
    }

    private static final Map<String, Test> ALL = new HashMap<>();

    private Tests() {
    }

    static Map<String, Test> all() {
        return ALL;
    }

    static Test get(String name) {
        return ALL.get(name);
    }

    private static void add(Test t, String... names) {
        for (String n : names) {
            ALL.put(n, t);
        }
    }

    static {
        add((r, v, a) -> !(v instanceof Undefined), "defined");
        add((r, v, a) -> v instanceof Undefined, "undefined");
        add((r, v, a) -> v == null, "none");
        add((r, v, a) -> v instanceof Boolean, "boolean");
        add((r, v, a) -> Boolean.FALSE.equals(v), "false");
        add((r, v, a) -> Boolean.TRUE.equals(v), "true");
        add((r, v, a) -> PyOps.isInteger(v), "integer");
        add((r, v, a) -> v instanceof Double || v instanceof Float, "float");
        add((r, v, a) -> PyOps.isNumber(v), "number");
        add((r, v, a) -> v instanceof String, "string");
        add((r, v, a) -> v instanceof Map || (v instanceof JinjaObject jo && jo.isMapping()), "mapping");
        add((r, v, a) -> v instanceof String || v instanceof Collection || v instanceof Map || v instanceof Iterable,
                "iterable");
        add((r, v, a) -> v instanceof String || v instanceof List || v instanceof Map
                || (v instanceof JinjaObject jo && jo.isMapping()), "sequence");
        add((r, v, a) -> v instanceof PyCallable || v instanceof JinjaFunction, "callable");
        add((r, v, a) -> parity(v) == 1, "odd");
        add((r, v, a) -> parity(v) == 0, "even");
        add((r, v, a) -> PyOps.truthy(PyOps.eq(PyArith.mod(v, a.get(0)), 0L)), "divisibleby");
        add((r, v, a) -> PyOps.eq(v, a.get(0)), "eq", "==", "equalto");
        add((r, v, a) -> !PyOps.eq(v, a.get(0)), "ne", "!=");
        add((r, v, a) -> PyOps.compare(v, a.get(0), ">") > 0, "gt", ">", "greaterthan");
        add((r, v, a) -> PyOps.compare(v, a.get(0), ">=") >= 0, "ge", ">=");
        add((r, v, a) -> PyOps.compare(v, a.get(0), "<") < 0, "lt", "<", "lessthan");
        add((r, v, a) -> PyOps.compare(v, a.get(0), "<=") <= 0, "le", "<=");
        add((r, v, a) -> PyOps.contains(a.get(0), v), "in");
        add((r, v, a) -> v == a.get(0) || (v instanceof Boolean && v.equals(a.get(0))), "sameas");
        add((r, v, a) -> v instanceof String s && s.equals(s.toLowerCase(Locale.ROOT)), "lower");
        add((r, v, a) -> v instanceof String s && s.equals(s.toUpperCase(Locale.ROOT)), "upper");
        add((r, v, a) -> false, "escaped");
        add((r, v, a) -> v instanceof String s && Filters.get(s) != null, "filter");
        add((r, v, a) -> v instanceof String s && get(s) != null, "test");
    }

    private static long parity(Object v) {
        if (!PyOps.isInteger(v) && !(v instanceof Boolean)) {
            if (v instanceof Undefined u) {
                throw u.error();
            }
            throw PyException.typeError("not all arguments converted during string formatting");
        }
        return Math.floorMod(PyOps.toLong(v), 2L);
    }
}
