package io.smelt.compiler.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * One node's page data: its full description, where it is defined, its relation, raw and compiled
 * code, its config (without what is empty), columns, what the warehouse says of the relation, and for
 * a test what it tests. Keys are short because a 10,000-model site holds tens of thousands of these.
 */
final class DocsDetail {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DocsDetail() {
    }

    /** @param attached the position of the node a test tests, or -1 */
    static ObjectNode of(JsonNode node, ArrayNode columns, JsonNode catalog, int attached) {
        ObjectNode detail = JSON.objectNode();
        text(detail, "d", node.path("description"));
        text(detail, "path", node.path("original_file_path"));
        text(detail, "rel", node.path("relation_name"));
        text(detail, "db", node.path("database"));
        text(detail, "schema", node.path("schema"));
        text(detail, "lang", node.path("language"));
        text(detail, "raw", node.has("macro_sql") ? node.path("macro_sql") : node.path("raw_code"));
        text(detail, "sql", node.path("compiled_code"));
        text(detail, "mat", node.path("config").path("materialized"));
        text(detail, "access", node.path("access"));
        text(detail, "version", node.path("version"));
        text(detail, "loader", node.path("loader"));
        text(detail, "identifier", node.path("identifier"));
        text(detail, "url", node.path("url"));
        text(detail, "maturity", node.path("maturity"));
        text(detail, "label", node.path("label"));
        text(detail, "test", node.path("test_metadata").path("name"));
        text(detail, "col", node.path("column_name"));
        if (attached >= 0) {
            detail.put("att", attached);
        }
        ObjectNode config = compact(node.path("config"));
        if (!config.isEmpty()) {
            detail.set("cfg", config);
        }
        ObjectNode meta = compact(node.path("meta"));
        if (!meta.isEmpty()) {
            detail.set("meta", meta);
        }
        if (node.path("owner").isObject()) {
            detail.set("owner", compact(node.path("owner")));
        }
        if (columns.size() > 0) {
            detail.set("c", columns);
        }
        ArrayNode arguments = JSON.arrayNode();
        node.path("arguments").forEach(argument -> arguments.add(JSON.arrayNode().add(argument.path("name").asText())
                .add(argument.path("type").asText("")).add(argument.path("description").asText(""))));
        if (arguments.size() > 0) {
            detail.set("args", arguments);
        }
        if (catalog != null) {
            detail.set("cat", warehouse(catalog));
        }
        return detail;
    }

    /** The relation as catalog.json describes it: its type, owner, comment and the stats dbt shows. */
    private static ObjectNode warehouse(JsonNode catalog) {
        ObjectNode table = JSON.objectNode();
        JsonNode metadata = catalog.path("metadata");
        text(table, "type", metadata.path("type"));
        text(table, "owner", metadata.path("owner"));
        text(table, "comment", metadata.path("comment"));
        ArrayNode stats = table.putArray("stats");
        for (Map.Entry<String, JsonNode> stat : catalog.path("stats").properties()) {
            JsonNode item = stat.getValue();
            // dbt lists "has_stats" among the stats, never shown
            if (item.path("include").asBoolean(true) && !stat.getKey().equals("has_stats")) {
                stats.add(JSON.arrayNode().add(item.path("label").asText(stat.getKey())).add(item.path("value").asText("")));
            }
        }
        return table;
    }

    private static void text(ObjectNode into, String key, JsonNode value) {
        if (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
            into.put(key, value.asText());
        }
    }

    /** The object without its nulls, empty strings, empty lists and empty objects. */
    private static ObjectNode compact(JsonNode object) {
        ObjectNode kept = JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            boolean empty = value.isNull() || value.isMissingNode() || (value.isTextual() && value.asText().isEmpty())
                    || (value.isContainerNode() && value.isEmpty());
            if (!empty) {
                kept.set(field.getKey(), value);
            }
        }
        return kept;
    }
}
