package io.smelt.compiler.jinja;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.smelt.compiler.jinja.PyMethods.arg;

/** Names every template sees unless the globals override them: Jinja2's and dbt's language-level helpers. */
final class Builtins {
    private static final Logger LOG = LoggerFactory.getLogger("io.smelt.jinja");

    static final Map<String, Object> GLOBALS = new HashMap<>();

    private Builtins() {
    }

    /** Jinja2's {@code namespace()}: the one object {@code {% set ns.x = ... %}} may change. */
    static final class Namespace implements PyObject {
        private final Map<String, Object> attrs = new LinkedHashMap<>();

        void set(String name, Object value) {
            attrs.put(name, value);
        }

        @Override
        public Object getAttr(String name) {
            Object v = attrs.get(name);
            return v != null || attrs.containsKey(name) ? v : Undefined.attribute(this, name);
        }

        @Override
        public String typeName() {
            return "Namespace";
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("<Namespace {");
            attrs.forEach((k, v) -> b.append(b.length() > 12 ? ", " : "").append(PyStr.repr(k)).append(": ")
                    .append(PyStr.repr(v)));
            return b.append("}>").toString();
        }
    }

    /** One group of the {@code groupby} filter: a pair with {@code grouper} and {@code list} attributes. */
    static final class GroupTuple extends AbstractList<Object> implements PyObject {
        private final Object grouper;
        private final List<Object> list;

        GroupTuple(Object grouper, List<Object> list) {
            this.grouper = grouper;
            this.list = list;
        }

        @Override
        public Object get(int index) {
            return index == 0 ? grouper : list;
        }

        @Override
        public int size() {
            return 2;
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "grouper" -> grouper;
                case "list" -> list;
                default -> Undefined.attribute(this, name);
            };
        }
    }

    /** A read-only bag of attributes (the {@code exceptions} and {@code modules} objects). */
    record Module(String name, Map<String, Object> attrs) implements PyObject {
        @Override
        public Object getAttr(String attr) {
            Object v = attrs.get(attr);
            return v != null ? v : Undefined.attribute(this, attr);
        }

        @Override
        public String typeName() {
            return "module";
        }

        @Override
        public String toString() {
            return "<module '" + name + "'>";
        }
    }

    private static void fn(String name, PyCallable f) {
        GLOBALS.put(name, f);
    }

    static {
        fn("return", (a, k) -> {
            throw new Signals.Return(a.isEmpty() ? null : a.get(0));
        });
        fn("range", (a, k) -> range(a));
        fn("dict", (a, k) -> {
            Map<Object, Object> d = new LinkedHashMap<>();
            if (!a.isEmpty()) {
                PyMethods.call(d, "update", a, null);
            }
            d.putAll(k);
            return d;
        });
        fn("namespace", (a, k) -> {
            Namespace ns = new Namespace();
            if (!a.isEmpty() && a.get(0) instanceof Map<?, ?> m) {
                m.forEach((key, v) -> ns.set(String.valueOf(key), v));
            }
            k.forEach(ns::set);
            return ns;
        });
        fn("zip", (a, k) -> zip(a, false));
        fn("zip_strict", (a, k) -> zip(a, true));
        fn("set", (a, k) -> {
            try {
                return new LinkedHashSet<>(PyOps.iterate(a.get(0)));
            } catch (PyException e) {
                return arg(a, k, 1, "default", null);
            }
        });
        fn("set_strict", (a, k) -> new LinkedHashSet<>(PyOps.iterate(a.get(0))));
        fn("tojson", (a, k) -> {
            try {
                return Json.dump(a.get(0), null, PyOps.truthy(arg(a, k, 2, "sort_keys", false)), false);
            } catch (PyException e) {
                return arg(a, k, 1, "default", null);
            }
        });
        fn("fromjson", (a, k) -> {
            try {
                return Json.parse(PyStr.str(a.get(0)));
            } catch (PyException e) {
                return arg(a, k, 1, "default", null);
            }
        });
        fn("toyaml", (a, k) -> Yaml.dump(a.get(0), PyOps.truthy(arg(a, k, 2, "sort_keys", false))));
        fn("fromyaml", (a, k) -> {
            try {
                return Yaml.parse(PyStr.str(a.get(0)));
            } catch (PyException e) {
                return arg(a, k, 1, "default", null);
            }
        });
        fn("local_md5", (a, k) -> md5(PyStr.str(arg(a, k, 0, "value", null))));
        fn("cycler", (a, k) -> {
            int[] pos = {0};
            Map<String, Object> attrs = new HashMap<>();
            attrs.put("next", (PyCallable) (a2, k2) -> a.get(pos[0]++ % a.size()));
            attrs.put("reset", (PyCallable) (a2, k2) -> pos[0] = 0);
            return new Module("cycler", attrs);
        });
        fn("joiner", (a, k) -> {
            boolean[] used = {false};
            String sep = a.isEmpty() ? ", " : PyStr.str(a.get(0));
            return (PyCallable) (a2, k2) -> {
                if (used[0]) {
                    return sep;
                }
                used[0] = true;
                return "";
            };
        });
        GLOBALS.put("exceptions", exceptions());
        Map<String, Object> modules = new HashMap<>();
        modules.put("re", PyRe.MODULE);
        modules.put("datetime", PyDateTime.MODULE);
        modules.put("itertools", PyItertools.MODULE);
        modules.put("pytz", PyTz.MODULE);
        GLOBALS.put("modules", new Module("modules", modules));
    }

    private static Module exceptions() {
        Map<String, Object> m = new HashMap<>();
        m.put("raise_compiler_error", (PyCallable) (a, k) -> {
            throw new PyException("Compilation Error: " + PyStr.str(arg(a, k, 0, "msg", "")));
        });
        m.put("raise_not_implemented", (PyCallable) (a, k) -> {
            throw new PyException("Compilation Error: ERROR: not implemented: " + PyStr.str(arg(a, k, 0, "msg", "")));
        });
        m.put("raise_database_error", (PyCallable) (a, k) -> {
            throw new PyException("Database Error: " + PyStr.str(arg(a, k, 0, "msg", "")));
        });
        m.put("raise_dependency_error", (PyCallable) (a, k) -> {
            throw new PyException("Dependency Error: " + PyStr.str(arg(a, k, 0, "msg", "")));
        });
        m.put("raise_fail_fast_error", (PyCallable) (a, k) -> {
            throw new PyException("Fail Fast Error: " + PyStr.str(arg(a, k, 0, "msg", "")));
        });
        m.put("warn", (PyCallable) (a, k) -> {
            LOG.warn("{}: {}", Frames.position(), PyStr.str(arg(a, k, 0, "msg", "")));
            return "";
        });
        return new Module("exceptions", m);
    }

    private static List<Object> range(List<Object> a) {
        long start = 0;
        long stop;
        long step = 1;
        if (a.size() == 1) {
            stop = PyOps.toLong(a.get(0));
        } else {
            start = PyOps.toLong(a.get(0));
            stop = PyOps.toLong(a.get(1));
            if (a.size() > 2) {
                step = PyOps.toLong(a.get(2));
            }
        }
        if (step == 0) {
            throw new PyException("ValueError: range() arg 3 must not be zero");
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(i);
        }
        return out;
    }

    private static List<Object> zip(List<Object> a, boolean strict) {
        List<List<Object>> lists = new ArrayList<>();
        int n = Integer.MAX_VALUE;
        for (Object x : a) {
            List<Object> l = PyOps.iterate(x);
            lists.add(l);
            n = Math.min(n, l.size());
        }
        if (strict && lists.stream().anyMatch(l -> l.size() != lists.get(0).size())) {
            throw new PyException("ValueError: zip() arguments have different lengths");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < (lists.isEmpty() ? 0 : n); i++) {
            Object[] t = new Object[lists.size()];
            for (int j = 0; j < t.length; j++) {
                t[j] = lists.get(j).get(i);
            }
            out.add(PyTuple.of(t));
        }
        return out;
    }

    private static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
