package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.smelt.compiler.jinja.PyMethods.arg;

/**
 * Python's {@code itertools} ({@code modules.itertools} in dbt), eagerly: every function returns a list, which
 * Jinja iterates, filters and prints the same way; the infinite ones ({@code count}, {@code cycle}) are left out.
 */
final class PyItertools {
    static final Builtins.Module MODULE = module();

    private PyItertools() {
    }

    /** {@code chain}, which is callable and has {@code chain.from_iterable}. */
    private record Chain() implements PyCallable, PyObject {
        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            List<Object> out = new ArrayList<>();
            args.forEach(x -> out.addAll(PyOps.iterate(x)));
            return out;
        }

        @Override
        public Object getAttr(String name) {
            if (name.equals("from_iterable")) {
                return (PyCallable) (a, k) -> call(PyOps.iterate(a.get(0)), k);
            }
            return Undefined.attribute(this, name);
        }

        @Override
        public String typeName() {
            return "type";
        }
    }

    private static Builtins.Module module() {
        Map<String, Object> m = new HashMap<>();
        m.put("chain", new Chain());
        m.put("product", (PyCallable) (a, k) -> product(a, (int) PyOps.toLong(arg(List.of(), k, 0, "repeat", 1L))));
        m.put("combinations", (PyCallable) (a, k) -> pick(PyOps.iterate(a.get(0)), r(a, k), false, false));
        m.put("combinations_with_replacement",
                (PyCallable) (a, k) -> pick(PyOps.iterate(a.get(0)), r(a, k), true, false));
        m.put("permutations", (PyCallable) (a, k) -> {
            List<Object> pool = PyOps.iterate(a.get(0));
            Object r = arg(a, k, 1, "r", null);
            return pick(pool, r == null ? pool.size() : (int) PyOps.toLong(r), false, true);
        });
        m.put("islice", (PyCallable) (a, k) -> islice(PyOps.iterate(a.get(0)), a.subList(1, a.size())));
        m.put("accumulate", (PyCallable) (a, k) -> accumulate(a, k));
        m.put("groupby", (PyCallable) (a, k) -> groupby(PyOps.iterate(a.get(0)), arg(a, k, 1, "key", null)));
        m.put("zip_longest", (PyCallable) (a, k) -> zipLongest(a, k.get("fillvalue")));
        m.put("repeat", (PyCallable) (a, k) -> {
            List<Object> out = new ArrayList<>();
            long times = PyOps.toLong(arg(a, k, 1, "times", 0L));
            for (long i = 0; i < times; i++) {
                out.add(a.get(0));
            }
            return out;
        });
        m.put("starmap", (PyCallable) (a, k) -> {
            List<Object> out = new ArrayList<>();
            for (Object args : PyOps.iterate(a.get(1))) {
                out.add(Calls.call(a.get(0), new ArrayList<>(PyOps.iterate(args)), new HashMap<>()));
            }
            return out;
        });
        m.put("takewhile", (PyCallable) (a, k) -> whileTrue(a, true));
        m.put("dropwhile", (PyCallable) (a, k) -> whileTrue(a, false));
        m.put("filterfalse", (PyCallable) (a, k) -> {
            List<Object> out = new ArrayList<>();
            for (Object x : PyOps.iterate(a.get(1))) {
                boolean t = a.get(0) == null ? PyOps.truthy(x) : PyOps.truthy(call1(a.get(0), x));
                if (!t) {
                    out.add(x);
                }
            }
            return out;
        });
        m.put("compress", (PyCallable) (a, k) -> {
            List<Object> data = PyOps.iterate(a.get(0));
            List<Object> sel = PyOps.iterate(a.get(1));
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Math.min(data.size(), sel.size()); i++) {
                if (PyOps.truthy(sel.get(i))) {
                    out.add(data.get(i));
                }
            }
            return out;
        });
        m.put("pairwise", (PyCallable) (a, k) -> {
            List<Object> xs = PyOps.iterate(a.get(0));
            List<Object> out = new ArrayList<>();
            for (int i = 0; i + 1 < xs.size(); i++) {
                out.add(PyTuple.of(xs.get(i), xs.get(i + 1)));
            }
            return out;
        });
        return new Builtins.Module("itertools", m);
    }

    private static int r(List<Object> a, Map<String, Object> k) {
        return (int) PyOps.toLong(arg(a, k, 1, "r", 0L));
    }

    private static Object call1(Object f, Object x) {
        return Calls.call(f, new ArrayList<>(List.of(x)), new HashMap<>());
    }

    private static List<Object> product(List<Object> iterables, int repeat) {
        List<Object> out = new ArrayList<>();
        out.add(PyTuple.EMPTY);
        for (int rep = 0; rep < repeat; rep++) {
            for (Object x : iterables) {
                List<Object> next = new ArrayList<>();
                for (Object prefix : out) {
                    for (Object item : PyOps.iterate(x)) {
                        List<Object> t = new ArrayList<>((List<?>) prefix);
                        t.add(item);
                        next.add(PyTuple.copyOf(t));
                    }
                }
                out = next;
            }
        }
        return out;
    }

    /** Combinations (in pool order), with replacement, or permutations, as tuples in Python's order. */
    private static List<Object> pick(List<Object> pool, int r, boolean replace, boolean ordered) {
        List<Object> out = new ArrayList<>();
        pick(pool, r, replace, ordered, 0, new ArrayList<>(), new boolean[pool.size()], out);
        return out;
    }

    private static void pick(List<Object> pool, int r, boolean replace, boolean ordered, int start, List<Object> cur,
            boolean[] used, List<Object> out) {
        if (cur.size() == r) {
            out.add(PyTuple.copyOf(cur));
            return;
        }
        for (int i = ordered ? 0 : start; i < pool.size(); i++) {
            if (ordered && used[i]) {
                continue;
            }
            used[i] = true;
            cur.add(pool.get(i));
            pick(pool, r, replace, ordered, replace ? i : i + 1, cur, used, out);
            cur.remove(cur.size() - 1);
            used[i] = false;
        }
    }

    private static List<Object> islice(List<Object> xs, List<Object> bounds) {
        long start = 0;
        Object stopArg = bounds.isEmpty() ? null : bounds.get(0);
        long step = 1;
        if (bounds.size() > 1) {
            start = bounds.get(0) == null ? 0 : PyOps.toLong(bounds.get(0));
            stopArg = bounds.get(1);
            step = bounds.size() > 2 && bounds.get(2) != null ? PyOps.toLong(bounds.get(2)) : 1;
        }
        long stop = stopArg == null ? xs.size() : Math.min(PyOps.toLong(stopArg), xs.size());
        List<Object> out = new ArrayList<>();
        for (long i = start; i < stop; i += step) {
            out.add(xs.get((int) i));
        }
        return out;
    }

    private static List<Object> accumulate(List<Object> a, Map<String, Object> k) {
        Object f = arg(a, k, 1, "func", null);
        List<Object> out = new ArrayList<>();
        Object acc = k.get("initial");
        if (acc != null) {
            out.add(acc);
        }
        for (Object x : PyOps.iterate(a.get(0))) {
            acc = out.isEmpty() ? x : f == null ? PyArith.add(acc, x)
                    : Calls.call(f, new ArrayList<>(List.of(acc, x)), new HashMap<>());
            out.add(acc);
        }
        return out;
    }

    private static List<Object> groupby(List<Object> xs, Object key) {
        List<Object> out = new ArrayList<>();
        Object current = null;
        List<Object> group = null;
        for (Object x : xs) {
            Object kx = key == null ? x : call1(key, x);
            if (group == null || !PyOps.eq(kx, current)) {
                group = new ArrayList<>();
                current = kx;
                out.add(PyTuple.of(kx, group));
            }
            group.add(x);
        }
        return out;
    }

    private static List<Object> zipLongest(List<Object> iterables, Object fill) {
        List<List<Object>> lists = new ArrayList<>();
        int n = 0;
        for (Object x : iterables) {
            List<Object> l = PyOps.iterate(x);
            lists.add(l);
            n = Math.max(n, l.size());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> t = new ArrayList<>();
            for (List<Object> l : lists) {
                t.add(i < l.size() ? l.get(i) : fill);
            }
            out.add(PyTuple.copyOf(t));
        }
        return out;
    }

    private static List<Object> whileTrue(List<Object> a, boolean take) {
        List<Object> out = new ArrayList<>();
        boolean dropping = true;
        for (Object x : PyOps.iterate(a.get(1))) {
            boolean t = PyOps.truthy(call1(a.get(0), x));
            if (take) {
                if (!t) {
                    break;
                }
                out.add(x);
            } else if (!dropping || !t) {
                dropping = false;
                out.add(x);
            }
        }
        return out;
    }
}
