package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smelt.compiler.graph.Node;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An exposure as dbt's {@code Exposure} in manifest.json and {@code graph.exposures}. */
final class ExposureJson {
    private ExposureJson() {
    }

    static void write(JsonGenerator json, Node node, NodeJson.Context context) throws IOException {
        Map<String, Object> extra = node.extra();
        json.writeStartObject();
        json.writeStringField("name", node.name());
        json.writeStringField("resource_type", "exposure");
        json.writeStringField("package_name", node.packageName());
        json.writeStringField("path", NodeJson.path(node));
        json.writeStringField("original_file_path", ArtifactJson.slashes(node.originalFilePath()));
        json.writeStringField("unique_id", node.uniqueId());
        NodeJson.writeStrings(json, "fqn", node.fqn());
        json.writeStringField("type", String.valueOf(extra.get("type")));
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("email", null);
        owner.put("name", null);
        if (extra.get("owner") instanceof Map<?, ?> written) {
            written.forEach((key, value) -> owner.put(String.valueOf(key), value));
        }
        ArtifactJson.writeField(json, "owner", owner);
        json.writeStringField("description", node.description());
        json.writeStringField("label", text(extra.get("label")));
        json.writeStringField("maturity", text(extra.get("maturity")));
        ArtifactJson.writeField(json, "meta", ConfigJson.meta(node));
        NodeJson.writeStrings(json, "tags", ConfigJson.tags(node));
        Map<String, Object> config = new LinkedHashMap<>(ArtifactJson.plain(node.config().values()) instanceof Map<?, ?> plain
                ? castMap(plain) : Map.of());
        config.put("enabled", node.config().enabled());
        config.put("tags", ConfigJson.tags(node));
        config.put("meta", ConfigJson.meta(node));
        ArtifactJson.writeField(json, "config", config);
        json.writeObjectFieldStart("unrendered_config");
        json.writeEndObject();
        json.writeStringField("url", text(extra.get("url")));
        json.writeObjectFieldStart("depends_on");
        json.writeArrayFieldStart("macros");
        json.writeEndArray();
        NodeJson.writeStrings(json, "nodes", node.dependsOn());
        json.writeEndObject();
        NodeJson.writeRefsAndSources(json, node);
        json.writeArrayFieldStart("metrics");
        json.writeEndArray();
        json.writeNumberField("created_at", context.createdAt());
        json.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
