package io.smelt.compiler.parse;

import io.smelt.compiler.jinja.PyStr;

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
                map.values().forEach(v -> flat.add(PyStr.str(v)));
            }
            else if (value instanceof List<?> list) {
                list.forEach(v -> flat.add(PyStr.str(v)));
            }
            else {
                flat.add(PyStr.str(value));
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
        String digest = md5(name + PyStr.repr(hashable(metadata)));
        return digest.substring(digest.length() - 10);
    }

    /** dbt's hashable form of test metadata: mappings sorted by key, every scalar turned into {@code str(scalar)}. */
    private static Object hashable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, v) -> sorted.put(String.valueOf(key), hashable(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestNames::hashable).toList();
        }
        return PyStr.str(value);
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
