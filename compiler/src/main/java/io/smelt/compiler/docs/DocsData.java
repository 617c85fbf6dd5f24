package io.smelt.compiler.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the site needs from manifest.json and catalog.json, compact: an index the first page reads
 * (each node's id, type, name, group, tags, first line of description, and its parents by position)
 * and the rest of each node in chunks of {@value #CHUNK} nodes, which a page loads when it shows one of
 * them. A 10,000-model manifest is some 60 MB; the index is a few.
 */
final class DocsData {
    static final int CHUNK = 256;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int SHORT_DESCRIPTION = 140;

    record Site(ObjectNode index, List<ArrayNode> chunks) {
    }

    private final List<JsonNode> entries = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();

    private DocsData() {
    }

    /**
     * @param catalog catalog.json, or null to show only what the manifest and the SQL analysis know
     * @param analysedTypes each model's columns and types as the SQL analysis inferred them, by unique id
     */
    static Site of(JsonNode manifest, JsonNode catalog, Map<String, Map<String, String>> analysedTypes) {
        DocsData data = new DocsData();
        manifest.path("nodes").forEach(data::add);
        manifest.path("sources").forEach(data::add);
        manifest.path("exposures").forEach(data::add);
        manifest.path("unit_tests").forEach(data::add);
        manifest.path("macros").forEach(data::add);
        return data.site(manifest, catalog, analysedTypes);
    }

    private void add(JsonNode node) {
        String uniqueId = node.path("unique_id").asText();
        // hooks are run by on-run-start/end, not shown as nodes (dbt's site leaves them out too)
        if (uniqueId.isEmpty() || positions.containsKey(uniqueId) || node.path("resource_type").asText().equals("operation")) {
            return;
        }
        positions.put(uniqueId, entries.size());
        entries.add(node);
    }

    private int position(String uniqueId) {
        return positions.getOrDefault(uniqueId, -1);
    }

    private Site site(JsonNode manifest, JsonNode catalog, Map<String, Map<String, String>> analysedTypes) {
        DocsColumns columns = new DocsColumns(this::position);
        for (JsonNode node : entries) {
            String uniqueId = node.path("unique_id").asText();
            columns.declared(uniqueId, node.path("columns"), analysedTypes.getOrDefault(uniqueId, Map.of()));
            JsonNode read = catalogEntry(catalog, uniqueId);
            if (read != null) {
                columns.catalog(uniqueId, read.path("columns"));
            }
            String attached = attachedNode(node);
            if (!node.path("column_name").asText("").isEmpty() && attached != null) {
                String testName = node.path("test_metadata").path("name").asText(node.path("name").asText());
                columns.test(attached, node.path("column_name").asText(), position(uniqueId), testName);
            }
        }
        ObjectNode index = JSON.objectNode();
        JsonNode metadata = manifest.path("metadata");
        index.put("project", metadata.path("project_name").asText(""));
        index.put("adapter", metadata.path("adapter_type").asText(""));
        index.put("generated_at", metadata.path("generated_at").asText(""));
        index.put("catalog", catalog != null);
        index.put("chunk", CHUNK);
        ArrayNode nodes = index.putArray("nodes");
        ArrayNode parents = index.putArray("up");
        List<ArrayNode> chunks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode node = entries.get(i);
            nodes.add(summary(node));
            ArrayNode up = JSON.arrayNode();
            for (JsonNode parent : node.path("depends_on").path("nodes")) {
                int at = position(parent.asText());
                if (at >= 0) {
                    up.add(at);
                }
            }
            parents.add(up);
            if (i % CHUNK == 0) {
                chunks.add(JSON.arrayNode());
            }
            chunks.get(chunks.size() - 1).add(DocsDetail.of(node, columns.json(node.path("unique_id").asText()),
                    catalogEntry(catalog, node.path("unique_id").asText()), position(attachedNode(node))));
        }
        return new Site(index, chunks);
    }

    /** {@code [unique_id, resource_type, name, group, tags, first line of description]}; group is the package, or a source's source name. */
    private static ArrayNode summary(JsonNode node) {
        String type = node.path("resource_type").asText();
        String group = type.equals("source") ? node.path("source_name").asText() : node.path("package_name").asText();
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(tag -> tags.add(tag.asText()));
        String description = node.path("description").asText("").strip();
        int newline = description.indexOf('\n');
        String first = newline < 0 ? description : description.substring(0, newline);
        if (first.length() > SHORT_DESCRIPTION) {
            first = first.substring(0, SHORT_DESCRIPTION) + "...";
        }
        return JSON.arrayNode().add(node.path("unique_id").asText()).add(type).add(node.path("name").asText())
                .add(group).add(String.join(" ", tags)).add(first);
    }

    private static String attachedNode(JsonNode node) {
        if (!node.path("resource_type").asText().equals("test")) {
            return null;
        }
        String attached = node.path("attached_node").asText("");
        if (!attached.isEmpty()) {
            return attached;
        }
        JsonNode parents = node.path("depends_on").path("nodes");
        return parents.size() > 0 ? parents.get(0).asText() : null;
    }

    private static JsonNode catalogEntry(JsonNode catalog, String uniqueId) {
        if (catalog == null) {
            return null;
        }
        JsonNode entry = catalog.path(uniqueId.startsWith("source.") ? "sources" : "nodes").get(uniqueId);
        return entry == null || entry.isNull() ? null : entry;
    }
}
