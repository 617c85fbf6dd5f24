package io.smelt.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.NodeResult;

import java.time.Instant;
import java.util.Map;

/**
 * The parts of dbt's events that describe a node: {@code node_info} (dbt's {@code NodeInfo} message,
 * {@code core_types.proto}) and {@code run_result} ({@code RunResultMsg}). Every field is written,
 * empty when unknown, as protobuf's JSON mapping with {@code always_print_fields_with_no_presence} does.
 */
final class NodeEvents {
    private final ObjectMapper mapper;

    NodeEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param status dbt's {@code node_status}: {@code started} while it runs, then the result's status
     * @param relationName the engine's rendering of the node's relation, or null
     */
    ObjectNode nodeInfo(Node node, String status, Instant started, Instant finished, String relationName) {
        ObjectNode info = mapper.createObjectNode();
        info.put("node_path", node.resourcePath());
        info.put("node_name", node.name());
        info.put("unique_id", node.uniqueId());
        info.put("resource_type", node.resourceType().dbtName());
        info.put("materialized", text(materialized(node)));
        info.put("node_status", status);
        info.put("node_started_at", EventLine.isoformat(started));
        info.put("node_finished_at", EventLine.isoformat(finished));
        info.put("node_checksum", text(node.checksum()));
        Object meta = JsonValues.plain(node.config().get("meta"));
        info.set("meta", meta instanceof Map<?, ?> ? mapper.valueToTree(meta) : mapper.createObjectNode());
        ObjectNode relation = info.putObject("node_relation");
        relation.put("database", text(node.database()));
        relation.put("schema", text(node.schema()));
        relation.put("alias", text(node.alias() != null ? node.alias() : node.hasRelation() ? node.name() : null));
        relation.put("relation_name", text(relationName));
        return info;
    }

    ObjectNode nodeInfo(NodeResult result) {
        return nodeInfo(result.node(), result.status().dbtName(), result.startedAt(), finishedAt(result), result.relationName());
    }

    /** dbt's {@code RunResultMsg}: one {@code execute} timing, as run_results.json has it here. */
    ObjectNode runResult(NodeResult result, String thread) {
        ObjectNode run = mapper.createObjectNode();
        run.put("status", result.status().dbtName());
        run.put("message", result.message());
        run.put("thread", thread);
        run.put("execution_time", seconds(result));
        run.put("num_failures", (int) result.failures());
        var timing = run.putArray("timing_info");
        if (result.startedAt() != null) {
            timing.addObject()
                    .put("name", "execute")
                    .put("started_at", EventLine.timestamp(result.startedAt()))
                    .put("completed_at", EventLine.timestamp(finishedAt(result)));
        }
        run.set("adapter_response", mapper.valueToTree(JsonValues.plain(result.adapterResponse())));
        return run;
    }

    /** Seconds as dbt's {@code float} fields hold them. */
    static float seconds(NodeResult result) {
        return (float) (result.elapsed().toNanos() / 1e9);
    }

    static Instant finishedAt(NodeResult result) {
        return result.startedAt() == null ? Instant.now() : result.startedAt().plus(result.elapsed());
    }

    private static String materialized(Node node) {
        return switch (node.resourceType()) {
            case SEED -> "seed";
            case TEST, UNIT_TEST -> node.materialized() != null ? node.materialized() : "test";
            case SNAPSHOT -> "snapshot";
            case SOURCE, OPERATION -> null;
            default -> node.materialized();
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static boolean isTest(Node node) {
        return node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST;
    }
}
