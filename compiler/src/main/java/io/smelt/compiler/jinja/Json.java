package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Python's {@code json.dumps} (default separators, ASCII-only) and {@code json.loads} for template values. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * @param indent null for one line, else the indent width or string
     * @param htmlSafe Jinja2's {@code |tojson}: escape {@code < > & '}
     */
    static String dump(Object value, Object indent, boolean sortKeys, boolean htmlSafe) {
        String ind = indent == null ? null : indent instanceof String s ? s : " ".repeat((int) PyOps.toLong(indent));
        StringBuilder b = new StringBuilder();
        write(b, value, ind, sortKeys, 0);
        String out = b.toString();
        if (htmlSafe) {
            out = out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
        }
        return out;
    }

    private static void write(StringBuilder b, Object v, String ind, boolean sort, int level) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Boolean x) {
            b.append(x ? "true" : "false");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : PyStr.floatRepr(d));
        } else if (v instanceof Number) {
            b.append(PyStr.str(v));
        } else if (v instanceof Map<?, ?> m) {
            Map<?, ?> entries = m;
            if (sort) {
                Map<String, Object> sorted = new TreeMap<>();
                m.forEach((k, x) -> sorted.put(key(k), x));
                entries = sorted;
            }
            if (entries.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                separator(b, first, ind, level + 1);
                first = false;
                string(b, key(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), ind, sort, level + 1);
            }
            close(b, ind, level);
            b.append('}');
        } else if (v instanceof Iterable<?> it && !(v instanceof PyObject)) {
            Iterator<?> items = it.iterator();
            if (!items.hasNext()) {
                b.append("[]");
                return;
            }
            b.append('[');
            boolean first = true;
            while (items.hasNext()) {
                separator(b, first, ind, level + 1);
                first = false;
                write(b, items.next(), ind, sort, level + 1);
            }
            close(b, ind, level);
            b.append(']');
        } else {
            throw PyException.typeError("Object of type " + PyOps.typeName(v) + " is not JSON serializable");
        }
    }

    private static String key(Object k) {
        if (k instanceof String s) {
            return s;
        }
        if (k == null || k instanceof Boolean || k instanceof Number) {
            StringBuilder b = new StringBuilder();
            write(b, k, null, false, 0);
            return b.toString();
        }
        throw PyException.typeError("keys must be str, int, float, bool or None, not " + PyOps.typeName(k));
    }

    private static void separator(StringBuilder b, boolean first, String ind, int level) {
        if (!first) {
            b.append(ind == null ? ", " : ",");
        }
        if (ind != null) {
            b.append('\n').append(ind.repeat(level));
        }
    }

    private static void close(StringBuilder b, String ind, int level) {
        if (ind != null) {
            b.append('\n').append(ind.repeat(level));
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    static Object parse(String text) {
        try {
            return convert(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new PyException("JSONDecodeError: " + e.getOriginalMessage());
        }
    }

    private static Object convert(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<Object, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), convert(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(convert(x)));
            return l;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.asText();
    }
}
