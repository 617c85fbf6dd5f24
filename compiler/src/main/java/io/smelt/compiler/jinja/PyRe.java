package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.smelt.compiler.jinja.PyMethods.arg;

/** Python's {@code re} module over {@code java.util.regex} ({@code modules.re} in dbt). */
final class PyRe {
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    private static final long UNICODE = 32;
    private static final long ASCII = 256;
    /** The characters {@code re.escape} escapes since Python 3.7. */
    private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";
    static final Builtins.Module MODULE = module();

    private PyRe() {
    }

    /** A compiled pattern; Python's named groups become numbered Java groups. */
    record Compiled(String source, long flags, Pattern pattern, Map<String, Integer> names) implements PyObject {
        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "pattern" -> source;
                // str patterns are Unicode unless ASCII is asked for, as in Python 3
                case "flags" -> (flags & ASCII) != 0 ? flags : flags | UNICODE;
                case "groupindex" -> new LinkedHashMap<Object, Object>(names);
                case "groups" -> (long) pattern.matcher("").groupCount();
                case "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split" ->
                        (PyCallable) (a, k) -> {
                            List<Object> args = new ArrayList<>(a);
                            args.add(0, this);
                            return apply(name, args, k);
                        };
                default -> Undefined.attribute(this, name);
            };
        }

        @Override
        public String typeName() {
            return "re.Pattern";
        }

        @Override
        public String toString() {
            return "re.compile(" + PyStr.repr(source) + ")";
        }
    }

    /** A successful match. */
    record Match(Compiled re, String string, java.util.regex.MatchResult m) implements PyObject {
        Object group(Object g) {
            int i = g instanceof String name ? re.names().getOrDefault(name, -1) : (int) PyOps.toLong(g);
            if (i < 0 || i > m.groupCount()) {
                throw new PyException("IndexError: no such group");
            }
            return m.group(i);
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "group" -> (PyCallable) (a, k) -> {
                    if (a.size() <= 1) {
                        return group(a.isEmpty() ? 0L : a.get(0));
                    }
                    List<Object> out = new ArrayList<>();
                    a.forEach(g -> out.add(group(g)));
                    return PyTuple.copyOf(out);
                };
                case "groups" -> (PyCallable) (a, k) -> {
                    Object dflt = arg(a, k, 0, "default", null);
                    List<Object> out = new ArrayList<>();
                    for (int i = 1; i <= m.groupCount(); i++) {
                        out.add(m.group(i) == null ? dflt : m.group(i));
                    }
                    return PyTuple.copyOf(out);
                };
                case "groupdict" -> (PyCallable) (a, k) -> {
                    Map<Object, Object> out = new LinkedHashMap<>();
                    re.names().forEach((n, i) -> out.put(n, m.group(i)));
                    return out;
                };
                case "start" -> (PyCallable) (a, k) -> (long) m.start(a.isEmpty() ? 0 : index(a.get(0)));
                case "end" -> (PyCallable) (a, k) -> (long) m.end(a.isEmpty() ? 0 : index(a.get(0)));
                case "span" -> (PyCallable) (a, k) -> {
                    int i = a.isEmpty() ? 0 : index(a.get(0));
                    return PyTuple.of((long) m.start(i), (long) m.end(i));
                };
                case "string" -> string;
                case "re" -> re;
                default -> Undefined.attribute(this, name);
            };
        }

        private int index(Object g) {
            return g instanceof String name ? re.names().get(name) : (int) PyOps.toLong(g);
        }

        @Override
        public String typeName() {
            return "re.Match";
        }

        @Override
        public String toString() {
            return "<re.Match object; span=(" + m.start() + ", " + m.end() + "), match=" + PyStr.repr(m.group()) + ">";
        }
    }

    private static Builtins.Module module() {
        Map<String, Object> m = new HashMap<>();
        for (String f : List.of("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")) {
            m.put(f, (PyCallable) (a, k) -> apply(f, new ArrayList<>(a), k));
        }
        m.put("compile", (PyCallable) (a, k) -> compile(a.get(0), arg(a, k, 1, "flags", 0L)));
        m.put("escape", (PyCallable) (a, k) -> escape(a.get(0)));
        long[] values = {2, 2, 8, 8, 16, 16, 64, 64, 256, 256, 32, 32};
        String[] names = {"I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE", "A", "ASCII", "U",
            "UNICODE"};
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return new Builtins.Module("re", m);
    }

    static Compiled compile(Object pattern, Object flagsObj) {
        if (pattern instanceof Compiled c) {
            return c;
        }
        String src = PyStr.str(pattern);
        long flags = flagsObj == null ? 0 : PyOps.toLong(flagsObj);
        return CACHE.computeIfAbsent(flags + ":" + src, key -> PyRePattern.compile(src, flags));
    }

    private static Object apply(String fn, List<Object> a, Map<String, Object> k) {
        switch (fn) {
            case "sub", "subn" -> {
                Compiled re = compile(a.get(0), arg(a, k, 4, "flags", 0L));
                long[] made = new long[1];
                String out = sub(re, a.get(1), PyStr.str(a.get(2)), PyOps.toLong(arg(a, k, 3, "count", 0L)), made);
                return fn.equals("sub") ? out : PyTuple.of(out, made[0]);
            }
            case "split" -> {
                Compiled re = compile(a.get(0), arg(a, k, 3, "flags", 0L));
                return split(re, PyStr.str(a.get(1)), PyOps.toLong(arg(a, k, 2, "maxsplit", 0L)));
            }
            default -> { }
        }
        Compiled re = compile(a.get(0), arg(a, k, 2, "flags", 0L));
        String s = PyStr.str(a.get(1));
        Matcher m = re.pattern().matcher(s);
        return switch (fn) {
            case "match" -> m.lookingAt() ? new Match(re, s, m.toMatchResult()) : null;
            case "search" -> m.find() ? new Match(re, s, m.toMatchResult()) : null;
            case "fullmatch" -> m.matches() ? new Match(re, s, m.toMatchResult()) : null;
            case "finditer" -> {
                List<Object> out = new ArrayList<>();
                while (m.find()) {
                    out.add(new Match(re, s, m.toMatchResult()));
                }
                yield out;
            }
            default -> {
                List<Object> out = new ArrayList<>();
                while (m.find()) {
                    if (m.groupCount() == 0) {
                        out.add(m.group());
                    } else if (m.groupCount() == 1) {
                        out.add(m.group(1) == null ? "" : m.group(1));
                    } else {
                        List<Object> t = new ArrayList<>();
                        for (int i = 1; i <= m.groupCount(); i++) {
                            t.add(m.group(i) == null ? "" : m.group(i));
                        }
                        out.add(PyTuple.copyOf(t));
                    }
                }
                yield out;
            }
        };
    }

    private static String sub(Compiled re, Object repl, String s, long count, long[] made) {
        Matcher m = re.pattern().matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        long n = 0;
        while ((count == 0 || n < count) && m.find()) {
            out.append(s, last, m.start());
            if (repl instanceof String template) {
                expand(out, template, m, re);
            } else {
                out.append(PyStr.str(Calls.call(repl, new ArrayList<>(List.of(new Match(re, s, m.toMatchResult()))),
                        new LinkedHashMap<>())));
            }
            last = m.end();
            n++;
        }
        out.append(s.substring(last));
        made[0] = n;
        return out.toString();
    }

    private static String escape(Object pattern) {
        if (!(pattern instanceof String s)) {
            throw PyException.typeError("escape() takes a str, not '" + PyOps.typeName(pattern) + "'");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void expand(StringBuilder out, String t, Matcher m, Compiled re) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '\\' || i + 1 >= t.length()) {
                out.append(c);
                continue;
            }
            char e = t.charAt(++i);
            if (Character.isDigit(e)) {
                int j = i + 1;
                if (j < t.length() && Character.isDigit(t.charAt(j))) {
                    j++;
                }
                String g = m.group(Integer.parseInt(t.substring(i, j)));
                out.append(g == null ? "" : g);
                i = j - 1;
            } else if (e == 'g' && i + 1 < t.length() && t.charAt(i + 1) == '<') {
                int close = t.indexOf('>', i);
                String name = t.substring(i + 2, close);
                String g = m.group(name.chars().allMatch(Character::isDigit) ? Integer.parseInt(name)
                        : re.names().get(name));
                out.append(g == null ? "" : g);
                i = close;
            } else {
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(e);
                }
            }
        }
    }

    private static List<Object> split(Compiled re, String s, long max) {
        Matcher m = re.pattern().matcher(s);
        List<Object> out = new ArrayList<>();
        int last = 0;
        long n = 0;
        while ((max == 0 || n < max) && m.find()) {
            out.add(s.substring(last, m.start()));
            for (int i = 1; i <= m.groupCount(); i++) {
                out.add(m.group(i));
            }
            last = m.end();
            n++;
        }
        out.add(s.substring(last));
        return out;
    }
}
