package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.compiler.state.ModifiedReason.Kind;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** dbt's same_body, same_persisted_description, same_contract and the source checks, on manifest entries. */
final class NodeChecks {
    private NodeChecks() {
    }

    static void body(String type, JsonNode now, JsonNode before, List<ModifiedReason> why) {
        switch (type) {
            case "source" -> {
            }
            case "seed" -> {
                // dbt records a seed over 1 MiB by its path, not its content: then only a move is seen
                boolean byPath = before.path("checksum").path("name").asText().equals("path");
                String mine = byPath ? now.path("original_file_path").asText() : now.path("checksum").path("checksum").asText();
                String theirs = before.path("checksum").path("checksum").asText();
                if (!mine.equals(theirs)) {
                    why.add(new ModifiedReason(Kind.BODY, "the seed's file " + now.path("original_file_path").asText() + " changed"));
                }
            }
            case "unit_test" -> {
                for (String field : List.of("model", "given", "expect", "overrides", "versions")) {
                    if (!JsonValues.same(now.get(field), before.get(field))) {
                        why.add(new ModifiedReason(Kind.BODY, "unit test " + field + " changed"));
                    }
                }
            }
            default -> {
                // a generic test's code is its macro's: dbt compares its config and fqn only
                if (!now.has("test_metadata") && !CodeText.normalize(now.path("raw_code").asText())
                        .equals(CodeText.normalize(before.path("raw_code").asText()))) {
                    why.add(new ModifiedReason(Kind.BODY, "the code of " + now.path("original_file_path").asText() + " changed"));
                }
            }
        }
    }

    /** Descriptions count only where {@code persist_docs} writes them into the warehouse. */
    static void persistedDescriptions(JsonNode now, JsonNode before, List<ModifiedReason> why) {
        JsonNode persist = now.path("config").path("persist_docs");
        if (persist.path("relation").asBoolean(false) && !now.path("description").asText("").equals(before.path("description").asText(""))) {
            why.add(new ModifiedReason(Kind.PERSISTED_DESCRIPTIONS, "description"));
        }
        if (persist.path("columns").asBoolean(false)
                && !columns(now, "description").equals(columns(before, "description"))) {
            why.add(new ModifiedReason(Kind.PERSISTED_DESCRIPTIONS, "column descriptions"));
        }
    }

    /**
     * dbt's same_contract: whether the contract is enforced, and for an enforced one what its checksum
     * covers: each column's name, data type and constraints and, where the materialization creates a
     * table with them (table, incremental), the materialization and the model-level constraints.
     */
    static void contract(String type, JsonNode now, JsonNode before, List<ModifiedReason> why) {
        if (!type.equals("model")) {
            return;
        }
        boolean mine = now.path("config").path("contract").path("enforced").asBoolean(false);
        boolean theirs = before.path("config").path("contract").path("enforced").asBoolean(false);
        if (mine != theirs) {
            why.add(new ModifiedReason(Kind.CONTRACT, "contract " + (mine ? "enforced" : "no longer enforced")));
            return;
        }
        if (!mine) {
            return;
        }
        if (!columns(now, "data_type").equals(columns(before, "data_type"))) {
            why.add(new ModifiedReason(Kind.CONTRACT, "contracted columns " + columns(before, "data_type") + " -> " + columns(now, "data_type")));
        }
        if (!JsonValues.same(columnConstraints(now), columnConstraints(before))) {
            why.add(new ModifiedReason(Kind.CONTRACT, "column constraints"));
        }
        String materialized = now.path("config").path("materialized").asText("");
        String previously = before.path("config").path("materialized").asText("");
        if ((createsTable(materialized) || createsTable(previously)) && !materialized.equals(previously)) {
            why.add(new ModifiedReason(Kind.CONTRACT, "materialized " + previously + " -> " + materialized));
        }
        if (createsTable(materialized) && !JsonValues.same(now.get("constraints"), before.get("constraints"))) {
            why.add(new ModifiedReason(Kind.CONTRACT, "model constraints"));
        }
    }

    private static boolean createsTable(String materialized) {
        return materialized.equals("table") || materialized.equals("incremental");
    }

    private static JsonNode columnConstraints(JsonNode node) {
        ObjectNode constraints = JsonNodeFactory.instance.objectNode();
        node.path("columns").fields().forEachRemaining(e -> {
            JsonNode list = e.getValue().path("constraints");
            if (list.isArray() && !list.isEmpty()) {
                constraints.set(e.getKey(), list);
            }
        });
        return constraints;
    }

    /** dbt's SourceDefinition.same_contents: where it lives, and how its freshness is checked. */
    static void source(JsonNode now, JsonNode before, List<ModifiedReason> why) {
        for (String field : List.of("database", "schema", "identifier", "loaded_at_field", "freshness")) {
            String compared = field;
            if ((field.equals("database") || field.equals("schema")) && now.has("unrendered_" + field) && before.has("unrendered_" + field)) {
                compared = "unrendered_" + field;
            }
            if (!JsonValues.same(now.get(compared), before.get(compared))) {
                Kind kind = field.equals("loaded_at_field") || field.equals("freshness") ? Kind.OTHER : Kind.RELATION;
                why.add(new ModifiedReason(kind, field + ": " + JsonValues.show(before.get(compared)) + " -> " + JsonValues.show(now.get(compared))));
            }
        }
    }

    private static Map<String, String> columns(JsonNode node, String field) {
        Map<String, String> columns = new TreeMap<>();
        node.path("columns").fields().forEachRemaining(e -> {
            // a column Smelt added for its lineage only (smelt.documented false) is not in any YAML
            if (e.getValue().path("smelt").path("documented").asBoolean(true)) {
                columns.put(e.getKey(), e.getValue().path(field).asText(""));
            }
        });
        return columns;
    }
}
