package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * A node's {@code defer_relation} (dbt's {@code DeferRelation}): the fields of the comparison
 * manifest's entry that say where that run built the node, written as that manifest has them.
 */
final class DeferRelationJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeferRelationJson() {
    }

    /** @param entry the comparison manifest's entry for the node, or null when it has none */
    static void write(JsonGenerator json, JsonNode entry) throws IOException {
        json.writeFieldName("defer_relation");
        if (entry == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("database", text(entry, "database"));
        json.writeStringField("schema", entry.path("schema").asText(""));
        json.writeStringField("alias", entry.hasNonNull("alias") ? text(entry, "alias") : entry.path("name").asText(""));
        json.writeStringField("relation_name", text(entry, "relation_name"));
        json.writeStringField("resource_type", entry.path("resource_type").asText());
        json.writeStringField("name", entry.path("name").asText(""));
        json.writeStringField("description", entry.path("description").asText(""));
        // as dbt: a seed's SQL is not its code
        boolean seed = "seed".equals(entry.path("resource_type").asText());
        json.writeStringField("compiled_code", seed ? null : text(entry, "compiled_code"));
        tree(json, "meta", entry.path("meta").isObject() ? entry.get("meta") : JSON.createObjectNode());
        tree(json, "tags", entry.path("tags").isArray() ? entry.get("tags") : JSON.createArrayNode());
        tree(json, "config", entry.path("config").isObject() ? entry.get("config") : null);
        json.writeEndObject();
    }

    private static void tree(JsonGenerator json, String field, JsonNode value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        }
        else {
            JSON.writeTree(json, value);
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
