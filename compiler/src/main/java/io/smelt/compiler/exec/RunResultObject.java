package io.smelt.compiler.exec;

import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.artifact.RunResultsWriter;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;
import io.smelt.compiler.jinja.PyDateTimes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One element of the {@code results} variable of {@code on-run-end} hooks: dbt's RunResult. {@code status}
 * is dbt's string ({@code success}, {@code error}, {@code skipped}, {@code pass}, {@code fail}, {@code warn}),
 * {@code node} the node's {@code graph} entry (attributes and {@code to_dict()}), {@code timing} items have
 * {@code name}, {@code started_at}, {@code completed_at} (datetimes) and {@code to_dict()}, and
 * {@code to_dict()} gives the node's run_results.json entry with {@code node} added.
 */
public final class RunResultObject implements JinjaObject {
    private static final Set<String> ENTRY_FIELDS =
            Set.of("message", "failures", "execution_time", "thread_id", "adapter_response", "batch_results");
    private final NodeResult result;
    private final Map<String, Object> node;
    private final Map<String, Object> entry;

    private RunResultObject(NodeResult result, Map<String, Object> node, Map<String, Object> entry) {
        this.result = result;
        this.node = node;
        this.entry = entry;
    }

    /** The results of the run's nodes (hooks left out), in the order they finished. */
    static List<Object> of(List<NodeResult> results, Map<String, Object> graph, Map<String, String> compiledCode,
            Map<String, String> threadIds) {
        Map<?, ?> nodes = graph.get("nodes") instanceof Map<?, ?> m ? m : Map.of();
        List<Object> objects = new ArrayList<>();
        for (NodeResult result : results) {
            if (result.node().resourceType() == ResourceType.OPERATION) {
                continue;
            }
            String id = result.node().uniqueId();
            Map<String, Object> node = new LinkedHashMap<>();
            if (nodes.get(id) instanceof Map<?, ?> entry) {
                entry.forEach((key, value) -> node.put(String.valueOf(key), value));
            } else {
                node.put("unique_id", id);
                node.put("name", result.node().name());
                node.put("resource_type", result.node().resourceType().dbtName());
                node.put("package_name", result.node().packageName());
                node.put("config", new LinkedHashMap<>(Map.of("enabled", true, "tags", List.of(), "meta", Map.of())));
            }
            objects.add(new RunResultObject(result, node,
                    RunResultsWriter.entry(result, compiledCode.get(id), threadIds.getOrDefault(id, "Thread-1"))));
        }
        return objects;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "node" -> new DictObject(node);
            case "status" -> result.status().dbtName();
            case "timing" -> timing();
            case "to_dict" -> (JinjaFunction) (args, kwargs) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> dict = (Map<String, Object>) copy(entry);
                dict.put("node", copy(node));
                return dict;
            };
            default -> ENTRY_FIELDS.contains(name) ? entry.get(name) : null;
        };
    }

    @Override
    public boolean hasNoneAttribute(String name) {
        return ENTRY_FIELDS.contains(name);
    }

    private List<Object> timing() {
        List<Object> items = new ArrayList<>();
        if (entry.get("timing") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> dict = new LinkedHashMap<>();
                    map.forEach((key, value) -> dict.put(String.valueOf(key), value));
                    Instant started = result.startedAt();
                    dict.put("started_at", utc(started));
                    dict.put("completed_at", utc(started.plus(result.elapsed())));
                    items.add(new DictObject(dict, (Map<?, ?>) copy(map)));
                }
            }
        }
        return items;
    }

    private static Object utc(Instant instant) {
        return PyDateTimes.utc(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    }

    /** A deep copy of maps and lists, as a fresh {@code to_dict()} gives. */
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        return value;
    }

    @Override
    public String toString() {
        return "RunResult(status='" + result.status().dbtName() + "', node=" + result.node().uniqueId() + ")";
    }

    /** An object read by attribute whose {@code to_dict()} gives (a copy of) {@code dict}. */
    private record DictObject(Map<String, Object> attributes, Map<?, ?> dict) implements JinjaObject {
        DictObject(Map<String, Object> attributes) {
            this(attributes, attributes);
        }

        @Override
        public Object attribute(String name) {
            return name.equals("to_dict") ? (JinjaFunction) (args, kwargs) -> copy(dict) : attributes.get(name);
        }

        @Override
        public boolean hasNoneAttribute(String name) {
            return attributes.containsKey(name);
        }

        @Override
        public String toString() {
            return String.valueOf(attributes);
        }
    }
}
