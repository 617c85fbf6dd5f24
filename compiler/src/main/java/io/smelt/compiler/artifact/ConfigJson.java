package io.smelt.compiler.artifact;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A node's config as dbt's manifest spells it: dbt's defaults for the node's kind, then the node's own
 * values coerced to the types the schema declares (a hook string becomes a Hook object, a single tag a
 * list). A value of a declared key that cannot be coerced is left out rather than written invalid.
 */
final class ConfigJson {
    private static final Set<String> BOOLEANS = Set.of("enabled");
    private static final Set<String> NULLABLE_BOOLEANS = Set.of("full_refresh", "store_failures", "quote_columns");
    private static final Set<String> STRINGS = Set.of("materialized", "fail_calc", "warn_if", "error_if", "delimiter");
    private static final Set<String> NULLABLE_STRINGS = Set.of("alias", "schema", "database", "group",
            "incremental_strategy", "on_schema_change", "where", "store_failures_as", "strategy", "target_schema",
            "target_database", "updated_at", "dbt_valid_to_current", "loaded_at_field", "loaded_at_query");
    private static final Set<String> OBJECTS = Set.of("meta", "persist_docs", "quoting", "column_types", "grants");
    private static final Set<String> STRING_LISTS = Set.of("tags", "packages");
    private static final Set<String> STRING_OR_LISTS = Set.of("unique_key", "check_cols");
    private static final Set<String> SNAPSHOT_COLUMNS = Set.of("dbt_valid_to", "dbt_valid_from", "dbt_scd_id",
            "dbt_updated_at", "dbt_is_deleted");

    private ConfigJson() {
    }

    static Map<String, Object> of(Node node) {
        Map<String, Object> config = defaults(node);
        for (Map.Entry<String, Object> entry : node.config().values().entrySet()) {
            String key = entry.getKey();
            // a model version's version and latest_version are the node's own fields in dbt's manifest, not config
            if (key.equals("_extra") || node.resourceType() == ResourceType.MODEL && (key.equals("version") || key.equals("latest_version"))) {
                continue;
            }
            Object value = coerce(node.resourceType(), key, entry.getValue());
            if (value == DROP) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        }
        if (node.resourceType() == ResourceType.TEST) {
            storeFailures(config);
        }
        return config;
    }

    /** As dbt finalizes a test's config: each of store_failures and store_failures_as follows from the other. */
    private static void storeFailures(Map<String, Object> config) {
        Object as = config.get("store_failures_as");
        Object stored = config.get("store_failures");
        if (as == null) {
            config.put("store_failures_as", Boolean.TRUE.equals(stored) ? "table" : Boolean.FALSE.equals(stored) ? "ephemeral" : null);
        } else {
            // an unknown kind counts as stored, so that running the test reports it
            config.put("store_failures", !as.equals("ephemeral"));
        }
    }

    static List<String> tags(Node node) {
        return stringList(node.config().get("tags"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meta(Node node) {
        Object meta = ArtifactJson.plain(node.config().get("meta"));
        return meta instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** {@code {show, node_color}} from the {@code docs} config. */
    static Map<String, Object> docs(Node node) {
        Object docs = coerce(node.resourceType(), "docs", node.config().get("docs"));
        return docs instanceof Map<?, ?> ? castMap(docs) : defaultDocs();
    }

    static boolean contractEnforced(Node node) {
        Object contract = node.config().get("contract");
        return contract instanceof Map<?, ?> map && Boolean.TRUE.equals(bool(map.get("enforced")));
    }

    private static final Object DROP = new Object();

    private static Map<String, Object> defaults(Node node) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", true);
        if (node.resourceType() == ResourceType.SOURCE) {
            // every key of dbt's SourceConfig, so a macro reading graph.sources (dbt_project_evaluator's
            // node.config.freshness != None) sees none rather than undefined
            config.put("event_time", null);
            config.put("freshness", null);
            config.put("loaded_at_field", null);
            config.put("loaded_at_query", null);
            config.put("tags", List.of());
            config.put("meta", Map.of());
            return config;
        }
        config.put("alias", null);
        config.put("schema", null);
        config.put("database", null);
        config.put("tags", List.of());
        config.put("meta", Map.of());
        config.put("group", null);
        switch (node.resourceType()) {
            case TEST -> {
                config.put("schema", "dbt_test__audit");
                config.put("materialized", "test");
                config.put("severity", "ERROR");
                config.put("store_failures", null);
                config.put("store_failures_as", null);
                config.put("where", null);
                config.put("limit", null);
                config.put("fail_calc", "count(*)");
                config.put("warn_if", "!= 0");
                config.put("error_if", "!= 0");
            }
            default -> {
                config.put("materialized", switch (node.resourceType()) {
                    case SEED -> "seed";
                    case SNAPSHOT -> "snapshot";
                    default -> "view";
                });
                config.put("persist_docs", Map.of());
                config.put("post-hook", List.of());
                config.put("pre-hook", List.of());
                config.put("quoting", Map.of());
                config.put("column_types", Map.of());
                config.put("full_refresh", null);
                config.put("unique_key", null);
                config.put("on_schema_change", "ignore");
                config.put("on_configuration_change", "apply");
                config.put("grants", Map.of());
                config.put("packages", List.of());
                config.put("docs", defaultDocs());
                config.put("contract", Map.of("enforced", false, "alias_types", true));
                if (node.resourceType() == ResourceType.MODEL) {
                    config.put("access", "protected");
                }
                if (node.resourceType() == ResourceType.SEED) {
                    config.put("delimiter", ",");
                    config.put("quote_columns", null);
                }
            }
        }
        return config;
    }

    private static Map<String, Object> defaultDocs() {
        Map<String, Object> docs = new LinkedHashMap<>();
        docs.put("show", true);
        docs.put("node_color", null);
        return docs;
    }

    private static Object coerce(ResourceType type, String key, Object raw) {
        Object value = ArtifactJson.plain(raw);
        if (BOOLEANS.contains(key)) {
            Boolean b = bool(value);
            return b == null ? DROP : b;
        }
        if (NULLABLE_BOOLEANS.contains(key)) {
            return value == null ? null : orDrop(bool(value));
        }
        if (STRINGS.contains(key)) {
            return value == null || value instanceof Map || value instanceof List ? DROP : value.toString();
        }
        if (NULLABLE_STRINGS.contains(key)) {
            return value == null ? null : value instanceof Map || value instanceof List ? DROP : value.toString();
        }
        if (OBJECTS.contains(key)) {
            return value instanceof Map ? value : DROP;
        }
        if (STRING_LISTS.contains(key)) {
            return stringList(value);
        }
        if (STRING_OR_LISTS.contains(key)) {
            return value == null || value instanceof String ? value : value instanceof List ? stringList(value) : value.toString();
        }
        return switch (key) {
            case "pre-hook", "post-hook" -> hooks(value);
            case "docs" -> value instanceof Map<?, ?> map ? docsObject(map) : DROP;
            case "contract" -> value instanceof Map<?, ?> map ? contractObject(map) : DROP;
            case "access" -> oneOf(value, "private", "protected", "public");
            case "on_configuration_change" -> oneOf(value, "apply", "continue", "fail");
            case "severity" -> value != null && value.toString().matches("(?i)warn|error") ? value.toString() : DROP;
            case "limit" -> value == null ? null : orDrop(integer(value));
            case "snapshot_meta_column_names" -> value instanceof Map<?, ?> map ? snapshotColumns(map) : DROP;
            // Source freshness has a strict shape; model freshness (build_after) is left out unless it is an object
            case "freshness" -> type == ResourceType.SOURCE ? SourceJson.freshness(value)
                    : value instanceof Map<?, ?> map && map.get("build_after") instanceof Map ? value : DROP;
            default -> value;
        };
    }

    private static Object orDrop(Object value) {
        return value == null ? DROP : value;
    }

    private static Object oneOf(Object value, String... allowed) {
        if (value == null) {
            return DROP;
        }
        String text = value.toString().toLowerCase(Locale.ROOT);
        return List.of(allowed).contains(text) ? text : DROP;
    }

    static Boolean bool(Object value) {
        return io.smelt.compiler.graph.NodeConfig.flag(value);
    }

    static Long integer(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item != null) {
                    strings.add(item.toString());
                }
            }
            return strings;
        }
        return List.of(value.toString());
    }

    private static List<Object> hooks(Object value) {
        List<Object> hooks = new ArrayList<>();
        List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object item : items) {
            Map<String, Object> hook = new LinkedHashMap<>();
            if (item instanceof Map<?, ?> map) {
                if (map.get("sql") == null) {
                    continue;
                }
                hook.put("sql", map.get("sql").toString());
                Boolean transaction = bool(map.get("transaction"));
                hook.put("transaction", transaction == null || transaction);
            } else if (item != null) {
                hook.put("sql", item.toString());
                hook.put("transaction", true);
            } else {
                continue;
            }
            hook.put("index", null);
            hooks.add(hook);
        }
        return hooks;
    }

    private static Map<String, Object> docsObject(Map<?, ?> map) {
        Map<String, Object> docs = defaultDocs();
        Boolean show = bool(map.get("show"));
        if (show != null) {
            docs.put("show", show);
        }
        if (map.get("node_color") != null) {
            docs.put("node_color", map.get("node_color").toString());
        }
        return docs;
    }

    private static Map<String, Object> contractObject(Map<?, ?> map) {
        Map<String, Object> contract = new LinkedHashMap<>();
        Boolean enforced = bool(map.get("enforced"));
        Boolean aliasTypes = bool(map.get("alias_types"));
        contract.put("enforced", enforced != null && enforced);
        contract.put("alias_types", aliasTypes == null || aliasTypes);
        return contract;
    }

    private static Map<String, Object> snapshotColumns(Map<?, ?> map) {
        Map<String, Object> columns = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (SNAPSHOT_COLUMNS.contains(String.valueOf(k))) {
                columns.put(String.valueOf(k), v == null ? null : v.toString());
            }
        });
        return columns;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
