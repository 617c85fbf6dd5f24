package io.smelt.compiler.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node's page data: its full description, where it is defined, its relation, raw and compiled
 * code, its config (without what is empty), columns, what the warehouse says of the relation, and for
 * a test what it tests. Keys are short because a 10,000-model site holds tens of thousands of these.
 */
final class DocsDetail {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The page's short key of each text field of a manifest node the page shows. */
    private static final Map<String, String> FIELDS = orderedFields("d", "description", "path", "original_file_path",
            "rel", "relation_name", "db", "database", "schema", "schema", "lang", "language", "sql", "compiled_code",
            "access", "access", "version", "version", "loader", "loader", "identifier", "identifier", "url", "url",
            "maturity", "maturity", "label", "label", "col", "column_name");

    private DocsDetail() {
    }

    /** @param attached the position of the node a test tests, or -1 */
    static ObjectNode of(JsonNode node, ArrayNode columns, JsonNode catalog, int attached) {
        ObjectNode detail = JSON.objectNode();
        FIELDS.forEach((key, field) -> text(detail, key, node.path(field)));
        text(detail, "raw", node.has("macro_sql") ? node.path("macro_sql") : node.path("raw_code"));
        text(detail, "mat", node.path("config").path("materialized"));
        text(detail, "test", node.path("test_metadata").path("name"));
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

    private static Map<String, String> orderedFields(String... keysAndFields) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndFields.length; i += 2) {
            fields.put(keysAndFields[i], keysAndFields[i + 1]);
        }
        return fields;
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
