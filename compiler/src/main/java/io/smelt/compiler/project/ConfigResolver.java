package io.smelt.compiler.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * dbt's config precedence and merge rules.
 *
 * <p>For a node of the root project: defaults, then the root dbt_project.yml tree from its top down
 * the node's fqn, then the properties file's {@code config:}, then the SQL {@code config()} call.
 * For a node of an installed package dbt starts from the package's own dbt_project.yml, applies
 * {@code config:} and {@code config()}, and then the root project's tree, which wins over all of
 * them (dbt-core {@code context_config.py}).
 *
 * <p>Within a tree, {@code +key} is always a config; a plain key is a config when its value is not a
 * mapping, else it names the next level (package, folder, file); deeper levels win.
 */
public final class ConfigResolver {
    private static final Set<String> APPEND_KEYS = Set.of("tags", "pre-hook", "post-hook", "packages");
    private static final Set<String> UPDATE_KEYS = Set.of("meta", "column_types", "persist_docs", "docs", "quoting", "contract");
    private static final String GRANTS = "grants";

    private final DbtProject root;
    private final Map<String, DbtProject> packages;

    public ConfigResolver(DbtProject root, Collection<DbtProject> packages) {
        this.root = requireNonNull(root, "root is null");
        Map<String, DbtProject> byName = new LinkedHashMap<>();
        for (DbtProject project : packages) {
            byName.put(project.name(), project);
        }
        this.packages = byName;
    }

    /**
     * A node's full config: defaults, project trees, properties {@code config:} and SQL {@code config()},
     * in dbt's order.
     *
     * @param resourceKey {@code models}, {@code seeds}, {@code tests}, {@code snapshots}, {@code sources} or {@code analyses}
     * @param fqn the node's fully qualified name, starting with its package
     * @param propertiesConfig the properties file's {@code config:}, or null
     * @param sqlConfig the merged {@code config()} calls of the node's SQL, or null
     */
    public Map<String, Object> resolve(String resourceKey, String packageName, List<String> fqn,
            Map<String, Object> propertiesConfig, Map<String, Object> sqlConfig) {
        Map<String, Object> config = defaults(resourceKey);
        boolean isRoot = packageName.equals(root.name());
        DbtProject own = isRoot ? root : packages.get(packageName);
        if (own != null) {
            config = merge(config, fromProject(own, resourceKey, fqn));
        }
        if (propertiesConfig != null) {
            config = merge(config, propertiesConfig);
        }
        if (sqlConfig != null) {
            config = merge(config, sqlConfig);
        }
        if (!isRoot) {
            config = merge(config, fromProject(root, resourceKey, fqn));
        }
        return config;
    }

    /**
     * The configs dbt_project.yml files alone give a node: its own project's tree, then (for a
     * package node) the root project's. No defaults.
     */
    public Map<String, Object> projectConfig(String resourceKey, String packageName, List<String> fqn) {
        boolean isRoot = packageName.equals(root.name());
        DbtProject own = isRoot ? root : packages.get(packageName);
        Map<String, Object> config = own == null ? new LinkedHashMap<>() : fromProject(own, resourceKey, fqn);
        if (!isRoot) {
            config = merge(config, fromProject(root, resourceKey, fqn));
        }
        return config;
    }

    /**
     * dbt's {@code unrendered_config}: the configs as the files write them, Jinja unrendered, without
     * defaults: the dbt_project.yml trees, the properties file's {@code config:} and the {@code config()}
     * call's arguments, merged in the order {@link #resolve} uses.
     */
    public Map<String, Object> unrendered(String resourceKey, String packageName, List<String> fqn,
            Map<String, Object> propertiesConfig, Map<String, Object> sqlConfig) {
        boolean isRoot = packageName.equals(root.name());
        DbtProject own = isRoot ? root : packages.get(packageName);
        Map<String, Object> config = own == null ? new LinkedHashMap<>() : fromTree(own, resourceKey, fqn, false);
        if (propertiesConfig != null) {
            config = merge(config, propertiesConfig);
        }
        if (sqlConfig != null) {
            config = merge(config, sqlConfig);
        }
        if (!isRoot) {
            config = merge(config, fromTree(root, resourceKey, fqn, false));
        }
        return config;
    }

    /** The configs one project's tree gives a node: every level from the top down the fqn, merged. */
    public static Map<String, Object> fromProject(DbtProject project, String resourceKey, List<String> fqn) {
        return fromTree(project, resourceKey, fqn, true);
    }

    private static Map<String, Object> fromTree(DbtProject project, String resourceKey, List<String> fqn, boolean rendered) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : treeKeys(resourceKey)) {
            Map<String, Object> tree = rendered ? project.configTree(key) : project.unrenderedConfigTree(key);
            for (Map<String, Object> level : levels(tree, fqn)) {
                config = merge(config, level);
            }
        }
        return config;
    }

    /** dbt's defaults for a resource type. */
    public static Map<String, Object> defaults(String resourceKey) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", true);
        switch (resourceKey) {
            case "sources", "unit_tests", "exposures" -> {
                config.put("tags", new ArrayList<>());
                config.put("meta", new LinkedHashMap<>());
                return config;
            }
            case "tests", "data_tests" -> {
                config.put("materialized", "test");
                config.put("severity", "ERROR");
                config.put("tags", new ArrayList<>());
                config.put("meta", new LinkedHashMap<>());
                config.put("fail_calc", "count(*)");
                config.put("warn_if", "!= 0");
                config.put("error_if", "!= 0");
                return config;
            }
            case "seeds" -> config.put("materialized", "seed");
            case "snapshots" -> config.put("materialized", "snapshot");
            default -> config.put("materialized", "view");
        }
        config.put("tags", new ArrayList<>());
        config.put("meta", new LinkedHashMap<>());
        config.put("pre-hook", new ArrayList<>());
        config.put("post-hook", new ArrayList<>());
        config.put("persist_docs", new LinkedHashMap<>());
        config.put("quoting", new LinkedHashMap<>());
        config.put("column_types", new LinkedHashMap<>());
        config.put("on_schema_change", "ignore");
        config.put("grants", new LinkedHashMap<>());
        config.put("packages", new ArrayList<>());
        Map<String, Object> docs = new LinkedHashMap<>();
        docs.put("show", true);
        config.put("docs", docs);
        return config;
    }

    /**
     * {@code overlay} merged onto {@code base} with dbt's rules: {@code tags} (deduplicated),
     * {@code pre-hook}, {@code post-hook} and {@code packages} append; {@code meta},
     * {@code column_types}, {@code persist_docs}, {@code docs}, {@code quoting} and {@code contract}
     * are updated key by key; {@code grants} are updated per privilege, extending the list for
     * {@code +privilege}; everything else is replaced. Neither argument changes.
     */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> result = normalize(base);
        for (Map.Entry<String, Object> entry : normalize(overlay).entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object current = result.get(key);
            if (APPEND_KEYS.contains(key) && current != null) {
                List<Object> joined = new ArrayList<>(asList(current));
                joined.addAll(asList(value));
                result.put(key, key.equals("tags") ? new ArrayList<>(new LinkedHashSet<>(joined)) : joined);
            }
            else if (UPDATE_KEYS.contains(key) && current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                Map<String, Object> updated = PlainValues.thawMap(asStringMap(currentMap));
                valueMap.forEach((k, v) -> updated.put(String.valueOf(k), PlainValues.thaw(v)));
                result.put(key, updated);
            }
            else if (key.equals(GRANTS) && value instanceof Map<?, ?> valueMap) {
                result.put(key, mergeGrants(current instanceof Map<?, ?> m ? m : Map.of(), valueMap));
            }
            else {
                result.put(key, value);
            }
        }
        return result;
    }

    /**
     * A mutable deep copy with dbt's spellings: {@code pre_hook}/{@code post_hook} become
     * {@code pre-hook}/{@code post-hook}, hooks and tags written as one string become lists.
     */
    public static Map<String, Object> normalize(Map<String, ?> config) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (config == null) {
            return result;
        }
        for (Map.Entry<String, ?> entry : config.entrySet()) {
            String key = entry.getKey();
            Object value = PlainValues.thaw(entry.getValue());
            if (key.equals("pre_hook") || key.equals("post_hook")) {
                key = key.replace('_', '-');
            }
            if ((key.equals("pre-hook") || key.equals("post-hook") || key.equals("tags")) && value != null && !(value instanceof List)) {
                value = new ArrayList<>(List.of(value));
            }
            if (result.containsKey(key) && APPEND_KEYS.contains(key)) {
                List<Object> joined = new ArrayList<>(asList(result.get(key)));
                joined.addAll(asList(value));
                value = joined;
            }
            result.put(key, value);
        }
        return result;
    }

    private static List<String> treeKeys(String resourceKey) {
        return switch (resourceKey) {
            case "tests", "data_tests" -> List.of("tests", "data_tests");
            // dbt configures analyses from models:; analyses: is read too
            case "analyses" -> List.of("models", "analyses");
            default -> List.of(resourceKey);
        };
    }

    /** The config at each level of a tree along the fqn, top first. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> levels(Map<String, Object> tree, List<String> fqn) {
        List<Map<String, Object>> levels = new ArrayList<>();
        Map<String, Object> level = tree;
        levels.add(configsAt(level));
        for (String part : fqn) {
            Object next = level.get(part);
            if (!(next instanceof Map<?, ?>)) {
                break;
            }
            level = (Map<String, Object>) next;
            levels.add(configsAt(level));
        }
        return levels;
    }

    private static Map<String, Object> configsAt(Map<String, Object> level) {
        Map<String, Object> configs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : level.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("+")) {
                configs.put(key.substring(1).strip(), entry.getValue());
            }
            else if (!(entry.getValue() instanceof Map)) {
                configs.put(key, entry.getValue());
            }
        }
        return configs;
    }

    private static Map<String, Object> mergeGrants(Map<?, ?> current, Map<?, ?> overlay) {
        Map<String, Object> grants = new LinkedHashMap<>();
        current.forEach((privilege, grantees) -> grants.put(String.valueOf(privilege), new ArrayList<>(asList(grantees))));
        overlay.forEach((rawPrivilege, grantees) -> {
            String privilege = String.valueOf(rawPrivilege);
            boolean extend = privilege.startsWith("+");
            String name = extend ? privilege.replaceFirst("^\\++", "") : privilege;
            List<Object> list = new ArrayList<>(extend && grants.get(name) instanceof List<?> existing ? existing : List.of());
            list.addAll(asList(grantees));
            grants.put(name, list);
        });
        return grants;
    }

    private static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
