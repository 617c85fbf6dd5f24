package io.smelt.cli.output;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Nodes and results built by hand, to test how they are printed. */
public final class TestingNodes {
    private TestingNodes() {
    }

    public static Node model(String name, String materialized) {
        return node(ResourceType.MODEL, name, "models/" + name + ".sql", Map.of("materialized", materialized));
    }

    public static Node seed(String name) {
        return node(ResourceType.SEED, name, "seeds/" + name + ".csv", Map.of());
    }

    public static Node test(String name) {
        return node(ResourceType.TEST, name, "models/schema.yml", Map.of());
    }

    public static Node node(ResourceType type, String name, String path, Map<String, Object> config) {
        return new Node(type.dbtName() + ".tiny." + name, type, "tiny", name, Path.of(path), null, List.of("tiny", name),
                "", new NodeConfig(config), "", Map.of(), List.of(), List.of(), List.of(),
                "memory", type == ResourceType.TEST ? null : "main", name, null, null, null, null);
    }

    public static NodeResult result(Node node, int index, int total, NodeStatus status, String message, long failures, long millis) {
        Path compiled = node.resourceType() == ResourceType.TEST
                ? Path.of("target/compiled/tiny/models/schema.yml/" + node.name() + ".sql")
                : null;
        return new NodeResult(node, index, total, status, message, failures, Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofMillis(millis), node.schema() == null ? null : node.schema() + "." + node.name(), compiled, null, Map.of());
    }
}
