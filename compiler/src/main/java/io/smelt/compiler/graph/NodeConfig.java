package io.smelt.compiler.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's resolved configuration: project {@code +} keys, YAML {@code config:} and SQL
 * {@code config()} merged with dbt's precedence. Keys are spelled as in dbt's manifest
 * ({@code materialized}, {@code pre-hook}, {@code post-hook}, {@code unique_key}, ...).
 */
public record NodeConfig(Map<String, Object> values) {
    public static final NodeConfig EMPTY = new NodeConfig(Map.of());

    public NodeConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String key) {
        return values.get(key);
    }

    public String string(String key, String defaultValue) {
        Object value = values.get(key);
        return value == null ? defaultValue : value.toString();
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(value.toString().trim());
    }

    /** A config flag as YAML or a rendered template gives it: true/false, or the text "true"/"false" in any case; else null. */
    public static Boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text) {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
        }
        return null;
    }

    /**
     * Null when {@code value} is unset or a {@link #flag}; else the message for it. dbt rejects a
     * config such as {@code enabled: 'yes'} too, where reading it as false would silently disable the node.
     */
    public static String notAFlag(String key, Object value) {
        if (value == null || flag(value) != null) {
            return null;
        }
        String shown = value instanceof String text ? "'" + text + "'"
                : value instanceof Map<?, ?> ? "a mapping" : value instanceof List<?> ? "a list" : value.toString();
        return "config " + key + " must be true or false, got " + shown;
    }

    /** A value that may be written as one string or a list of strings, as a list. */
    public List<String> stringList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item != null) {
                    out.add(item.toString());
                }
            }
            return List.copyOf(out);
        }
        return List.of(value.toString());
    }

    public String materialized() {
        return string("materialized", "view");
    }

    public boolean enabled() {
        return bool("enabled", true);
    }

    public List<String> tags() {
        return stringList("tags");
    }

    /** The config with one key set, for the few places that derive config. */
    public NodeConfig with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new NodeConfig(copy);
    }
}
