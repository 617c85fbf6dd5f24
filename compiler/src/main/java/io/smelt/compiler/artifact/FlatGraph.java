package io.smelt.compiler.artifact;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code graph} context variable, as dbt builds it ({@code Manifest.flat_graph}): every node, source and exposure
 * as its manifest entry (the same keys and values {@code manifest.json} has), in mutable maps and lists that
 * templates may read, change and serialize like Python dicts.
 */
public final class FlatGraph {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private FlatGraph() {
    }

    /** The graph; {@code relationNames} gives each node's {@code relation_name} (null for none). */
    public static Map<String, Object> of(Manifest manifest, Function<Node, String> relationNames) {
        return of(manifest, relationNames, uniqueId -> null);
    }

    /** As {@link #of(Manifest, Function)}, with each node's {@code defer_relation} as {@link ManifestWriter#deferRelations} takes them. */
    public static Map<String, Object> of(Manifest manifest, Function<Node, String> relationNames,
            Function<String, JsonNode> deferRelations) {
        NodeJson.Context context = new NodeJson.Context(ArtifactJson.epochSeconds(Instant.now()), "target",
                Map.of(), relationNames, deferRelations, uniqueId -> Map.of());
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Node node : manifest.nodes().values()) {
            if (node.resourceType() != ResourceType.UNIT_TEST) {
                (node.resourceType() == ResourceType.SOURCE ? sources : nodes).put(node.uniqueId(), entry(node, context));
            }
        }
        Map<String, Object> exposures = new LinkedHashMap<>();
        for (Node exposure : manifest.exposures().values()) {
            exposures.put(exposure.uniqueId(), entry(exposure, context));
        }
        Map<String, Object> graph = empty();
        graph.put("nodes", nodes);
        graph.put("sources", sources);
        graph.put("exposures", exposures);
        return graph;
    }

    /** The graph with nothing in it, as templates see it while the project is parsed. */
    public static Map<String, Object> empty() {
        Map<String, Object> graph = new LinkedHashMap<>();
        for (String key : new String[] {"exposures", "groups", "metrics", "nodes", "sources", "semantic_models",
            "saved_queries", "macros"}) {
            graph.put(key, new LinkedHashMap<>());
        }
        return graph;
    }

    private static Map<?, ?> entry(Node node, NodeJson.Context context) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            NodeJson.write(buffer, node, context);
            return MAPPER.readValue(buffer.asParser(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException("graph entry of " + node.uniqueId(), e);
        }
    }
}
