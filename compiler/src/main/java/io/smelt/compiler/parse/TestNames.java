package io.smelt.compiler.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The names and unique ids dbt gives generic tests, reproduced exactly so that artifacts, selectors
 * and {@code --select} arguments carry over from a dbt project: {@code not_null_orders_order_id},
 * {@code test.shop.not_null_orders_order_id.cf6c17daed}.
 *
 * <p>dbt builds the name from the test's type (namespace, {@code source_} for source tests), the
 * tested resource and every argument value; names of 64 characters or more compile to a shorter,
 * hashed file name and alias. The id's suffix is the last ten hex digits of the MD5 of the name
 * followed by Python's {@code repr()} of the test metadata with every scalar turned into text.
 *
 * @param full the node's name, as in its unique id and fqn
 * @param compiled the name of its compiled file and its default alias ({@code full} when short enough)
 */
record TestNames(String full, String compiled) {
    private static final int MAX_NAME = 64;

    /**
     * @param type the test's name with its namespace and source prefix: {@code dbt_utils_source_expression_is_true}
     * @param target what it tests: the model, seed or snapshot name, or {@code <source>_<table>}
     * @param args its keyword arguments including {@code column_name} (a {@code model} entry is skipped)
     */
    static TestNames synthesize(String type, String target, Map<String, Object> args) {
        List<String> flat = new ArrayList<>();
        for (Map.Entry<String, Object> entry : new TreeMap<>(args).entrySet()) {
            if (entry.getKey().equals("model")) {
                continue;
            }
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> flat.add(str(v)));
            }
            else if (value instanceof List<?> list) {
                list.forEach(v -> flat.add(str(v)));
            }
            else {
                flat.add(str(value));
            }
        }
        String unique = flat.stream().map(part -> part.replaceAll("[^0-9a-zA-Z_]+", "_")).collect(Collectors.joining("__"));
        String identifier = type + "_" + target;
        String full = identifier + "_" + unique;
        if (full.length() >= MAX_NAME) {
            return new TestNames(full, identifier.substring(0, Math.min(30, identifier.length())) + "_" + md5(full));
        }
        return new TestNames(full, full);
    }

    /** The unique id's hash: the last 10 hex digits of md5(name + repr(metadata as text)). */
    static String hash(String name, String namespace, String testName, Map<String, Object> kwargs) {
        Map<String, Object> metadata = new TreeMap<>();
        metadata.put("kwargs", kwargs);
        metadata.put("name", testName);
        metadata.put("namespace", namespace);
        StringBuilder repr = new StringBuilder();
        appendHashable(repr, metadata);
        String digest = md5(name + repr);
        return digest.substring(digest.length() - 10);
    }

    /** Python's {@code repr()} of the value after dbt turned every scalar into {@code str(scalar)}. */
    private static void appendHashable(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted(map).entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                quote(out, entry.getKey());
                out.append(": ");
                appendHashable(out, entry.getValue());
            }
            out.append('}');
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                appendHashable(out, list.get(i));
            }
            out.append(']');
        }
        else {
            quote(out, str(value));
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        return sorted;
    }

    /** Python's {@code str()} of a YAML value. */
    static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return floatStr(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            StringBuilder out = new StringBuilder();
            appendRepr(out, value);
            return out.toString();
        }
        return value.toString();
    }

    /** Python's {@code repr()} of a plain YAML value, as {@code str()} shows lists and dicts. */
    private static void appendRepr(StringBuilder out, Object value) {
        if (value instanceof String text) {
            quote(out, text);
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                appendRepr(out, entry.getKey());
                out.append(": ");
                appendRepr(out, entry.getValue());
            }
            out.append('}');
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                appendRepr(out, list.get(i));
            }
            out.append(']');
        }
        else {
            out.append(str(value));
        }
    }

    private static String floatStr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = shortest.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = shortest.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Python's quoting: single quotes unless the text has one and no double quote. */
    private static void quote(StringBuilder out, String text) {
        char q = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(q);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == q) {
                        out.append('\\').append(c);
                    }
                    else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(q);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
