package io.smelt.compiler.context;

import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code config}: callable at parse time to set config, with {@code get}/{@code require} to read it. */
final class ConfigCall implements JinjaFunction, JinjaObject {
    private final NodeConfig config;
    private final Map<String, Object> set;
    private final Consumer<Map<String, Object>> calls;

    /**
     * @param config the node's resolved config, which get/require read
     * @param set what this render's calls set that get/require read first (parse time), or empty
     * @param calls where each call's arguments go
     */
    ConfigCall(NodeConfig config, Map<String, Object> set, Consumer<Map<String, Object>> calls) {
        this.config = config;
        this.set = set;
        this.calls = calls;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        Map<String, Object> call = new LinkedHashMap<>();
        if (!args.isEmpty() && args.get(0) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> call.put(String.valueOf(k), v));
        }
        call.putAll(kwargs);
        String notAFlag = NodeConfig.notAFlag("enabled", call.get("enabled"));
        if (notAFlag != null) {
            throw DbtContext.error(notAFlag,
                    "write enabled=true or enabled=false; a condition such as enabled=(target.name == 'prod') works too");
        }
        calls.accept(call);
        return "";
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "get" -> (JinjaFunction) (args, kwargs) -> {
                String key = String.valueOf(DbtContext.arg(args, kwargs, 0, "name"));
                Object value = lookup(key);
                if (value != null) {
                    return value;
                }
                return args.size() > 1 ? args.get(1) : kwargs.get("default");
            };
            case "require" -> (JinjaFunction) (args, kwargs) -> {
                String key = String.valueOf(DbtContext.arg(args, kwargs, 0, "name"));
                Object value = lookup(key);
                if (value == null) {
                    throw DbtContext.error("required config '" + key + "' is not set", "set it with config(" + key + "=...) or in dbt_project.yml");
                }
                return value;
            };
            case "set" -> (JinjaFunction) (args, kwargs) -> "";
            case "persist_relation_docs" -> (JinjaFunction) (args, kwargs) -> persistDocs("relation");
            case "persist_column_docs" -> (JinjaFunction) (args, kwargs) -> persistDocs("columns");
            default -> null;
        };
    }

    /** dbt's {@code config.persist_relation_docs()}: the {@code persist_docs} config's key, false when unset. */
    private boolean persistDocs(String key) {
        return lookup("persist_docs") instanceof Map<?, ?> persist && Boolean.TRUE.equals(persist.get(key));
    }

    private Object lookup(String key) {
        if (set.containsKey(key)) {
            return set.get(key);
        }
        Object value = config.get(key);
        if (value == null && key.contains("_")) {
            value = config.get(key.replace('_', '-'));
        }
        return value;
    }

    @Override
    public String toString() {
        return "";
    }
}
