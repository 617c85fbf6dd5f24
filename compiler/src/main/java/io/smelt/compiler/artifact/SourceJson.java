package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smelt.compiler.graph.Node;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source table as dbt's {@code SourceDefinition}: the source's description, loader and meta come from
 * the node's extra fields; Node carries no quoting, so that is empty; freshness and {@code loaded_at_field}
 * come from the node's config.
 */
final class SourceJson {
    private SourceJson() {
    }

    static void write(JsonGenerator json, Node node, NodeJson.Context context) throws IOException {
        json.writeStartObject();
        json.writeStringField("database", node.database());
        json.writeStringField("schema", node.schema() == null ? "" : node.schema());
        json.writeStringField("name", node.name());
        json.writeStringField("resource_type", "source");
        json.writeStringField("package_name", node.packageName());
        json.writeStringField("path", ArtifactJson.slashes(node.originalFilePath()));
        json.writeStringField("original_file_path", ArtifactJson.slashes(node.originalFilePath()));
        json.writeStringField("unique_id", node.uniqueId());
        NodeJson.writeStrings(json, "fqn", node.fqn());
        json.writeStringField("source_name", node.sourceName() == null ? "" : node.sourceName());
        json.writeStringField("source_description", text(node.extra().get("source_description")));
        json.writeStringField("loader", text(node.extra().get("loader")));
        json.writeStringField("identifier", node.alias() == null ? node.name() : node.alias());
        json.writeObjectFieldStart("quoting");
        json.writeEndObject();
        Object loadedAtField = node.config().get("loaded_at_field");
        json.writeStringField("loaded_at_field", loadedAtField == null ? null : loadedAtField.toString());
        Object loadedAtQuery = node.config().get("loaded_at_query");
        json.writeStringField("loaded_at_query", loadedAtQuery == null ? null : loadedAtQuery.toString());
        json.writeFieldName("freshness");
        ArtifactJson.writeValue(json, freshness(ArtifactJson.plain(node.config().get("freshness"))));
        json.writeNullField("external");
        json.writeStringField("description", node.description());
        ColumnsJson.write(json, node, Map.of());
        ArtifactJson.writeField(json, "meta", ConfigJson.meta(node));
        Object sourceMeta = node.extra().get("source_meta");
        ArtifactJson.writeField(json, "source_meta", sourceMeta instanceof Map<?, ?> ? sourceMeta : Map.of());
        NodeJson.writeStrings(json, "tags", ConfigJson.tags(node));
        ArtifactJson.writeField(json, "config", ConfigJson.of(node));
        json.writeStringField("patch_path", null);
        json.writeObjectFieldStart("unrendered_config");
        json.writeEndObject();
        // the database and schema as written, which state:modified compares instead of their rendered values
        for (String field : new String[] {"unrendered_database", "unrendered_schema"}) {
            Object written = node.extra().get(field);
            json.writeStringField(field, written == null ? null : written.toString());
        }
        json.writeStringField("relation_name", context.relationName(node));
        json.writeNumberField("created_at", context.createdAt());
        json.writeArrayFieldStart("doc_blocks");
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * dbt's FreshnessThreshold: {@code warn_after}/{@code error_after} as {count, period} and a
     * {@code filter}; null when absent or not of that shape.
     */
    static Object freshness(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> threshold = new LinkedHashMap<>();
        for (String key : List.of("warn_after", "error_after")) {
            Object time = map.get(key);
            if (time == null) {
                threshold.put(key, null);
                continue;
            }
            if (!(time instanceof Map<?, ?> timeMap)) {
                return null;
            }
            Map<String, Object> after = new LinkedHashMap<>();
            Object count = timeMap.get("count");
            Long parsed = count == null ? null : ConfigJson.integer(count);
            Object period = timeMap.get("period");
            if ((count != null && parsed == null)
                    || (period != null && !List.of("minute", "hour", "day").contains(period.toString()))) {
                return null;
            }
            after.put("count", parsed);
            after.put("period", period == null ? null : period.toString());
            threshold.put(key, after);
        }
        Object filter = map.get("filter");
        threshold.put("filter", filter == null ? null : filter.toString());
        return threshold;
    }
}
