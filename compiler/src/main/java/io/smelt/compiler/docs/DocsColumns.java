package io.smelt.compiler.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Every node's columns as the site shows them: name, type, description, tests, and the column lineage
 * both ways (what feeds the column, read from the manifest's {@code smelt.lineage}, and what it
 * feeds, the same edges turned round). A type comes from catalog.json when it has the relation, else
 * from the YAML's {@code data_type}, else from the SQL analysis.
 */
final class DocsColumns {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Map<String, Column>> byNode = new HashMap<>();
    private final ToIntFunction<String> index;

    /** @param index a node's position in the site's list, or -1 when the site does not show it */
    DocsColumns(ToIntFunction<String> index) {
        this.index = index;
    }

    /** One column; filled in as the manifest, the catalog, the tests and the other nodes' lineage are read. */
    private static final class Column {
        final String name;
        String type = "";
        String description = "";
        int catalogIndex = Integer.MAX_VALUE;
        int declaredAt = Integer.MAX_VALUE;
        final ArrayNode tests = JSON.arrayNode();
        final ArrayNode up = JSON.arrayNode();
        final ArrayNode down = JSON.arrayNode();

        Column(String name) {
            this.name = name;
        }
    }

    private Column column(String uniqueId, String name) {
        return byNode.computeIfAbsent(uniqueId, id -> new LinkedHashMap<>())
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new Column(name));
    }

    /** The node's declared columns (and analysed ones, with their lineage) from the manifest. */
    void declared(String uniqueId, JsonNode columns, Map<String, String> analysedTypes) {
        int[] at = {0};
        columns.forEach(declared -> {
            Column column = column(uniqueId, declared.path("name").asText());
            column.declaredAt = at[0]++;
            column.description = declared.path("description").asText("");
            column.type = declared.path("data_type").asText("");
            for (JsonNode edge : declared.path("smelt").path("lineage")) {
                int from = index.applyAsInt(edge.path("node").asText());
                if (from < 0) {
                    continue;
                }
                String fromColumn = edge.path("column").asText();
                String kind = edge.path("kind").asText();
                column.up.add(JSON.arrayNode().add(from).add(fromColumn).add(kind));
                column(edge.path("node").asText(), fromColumn).down
                        .add(JSON.arrayNode().add(index.applyAsInt(uniqueId)).add(column.name).add(kind));
            }
        });
        analysedTypes.forEach((name, type) -> {
            Column column = column(uniqueId, name);
            if (column.type.isEmpty()) {
                column.type = type;
            }
        });
    }

    /** The relation's columns as the warehouse describes them (catalog.json); their types win. */
    void catalog(String uniqueId, JsonNode columns) {
        columns.forEach(read -> {
            Column column = column(uniqueId, read.path("name").asText());
            column.type = read.path("type").asText(column.type);
            column.catalogIndex = read.path("index").asInt(Integer.MAX_VALUE);
            if (column.description.isEmpty()) {
                column.description = read.path("comment").asText("");
            }
        });
    }

    /** A test on a column: shown beside it as its generic test's name. */
    void test(String uniqueId, String columnName, int testIndex, String testName) {
        column(uniqueId, columnName).tests.add(JSON.arrayNode().add(testIndex).add(testName));
    }

    /** {@code [[name, type, description, tests, up, down], ...]}: the YAML's order, then the catalog's. */
    ArrayNode json(String uniqueId) {
        ArrayNode all = JSON.arrayNode();
        List<Column> columns = new ArrayList<>(byNode.getOrDefault(uniqueId, Map.of()).values());
        // the table's order when the catalog has it, else the manifest's; columns only other nodes' lineage names come last
        columns.sort(Comparator.<Column>comparingInt(column -> column.catalogIndex).thenComparingInt(column -> column.declaredAt));
        for (Column column : columns) {
            all.add(JSON.arrayNode().add(column.name).add(column.type).add(column.description)
                    .add(column.tests).add(column.up).add(column.down));
        }
        return all;
    }
}
