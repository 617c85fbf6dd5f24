package io.smelt.compiler.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's data from a small hand-written manifest.json and catalog.json: positions and parents,
 * column types (catalog, else YAML, else the analysis), tests and lineage both ways, the catalog's
 * stats, and text that could close a script element. The browser tests in cli show it on a page.
 */
class TestDocsSite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = """
            {"metadata": {"project_name": "shop", "adapter_type": "duckdb", "generated_at": "2026-12-07T00:00:00Z"},
             "nodes": {
              "seed.shop.raw": {"unique_id": "seed.shop.raw", "resource_type": "seed", "name": "raw", "package_name": "shop",
                "description": "", "columns": {}, "depends_on": {"nodes": []}, "config": {"enabled": true, "tags": []}},
              "model.shop.orders": {"unique_id": "model.shop.orders", "resource_type": "model", "name": "orders", "package_name": "shop",
                "tags": ["nightly"], "description": "Orders.\\n\\nNot </script><b>bold</b>", "raw_code": "select * from {{ ref('raw') }}",
                "compiled_code": "select * from raw", "config": {"materialized": "table", "persist_docs": {}, "alias": null},
                "depends_on": {"nodes": ["seed.shop.raw"]},
                "columns": {
                  "id": {"name": "id", "description": "The key", "data_type": "bigint",
                    "smelt": {"lineage": [{"node": "seed.shop.raw", "column": "ID", "kind": "direct"}]}},
                  "note": {"name": "note", "description": "", "data_type": "text"}}},
              "test.shop.unique_orders_id.abc": {"unique_id": "test.shop.unique_orders_id.abc", "resource_type": "test",
                "name": "unique_orders_id", "package_name": "shop", "column_name": "id", "attached_node": "model.shop.orders",
                "test_metadata": {"name": "unique"}, "depends_on": {"nodes": ["model.shop.orders"]}, "config": {}},
              "operation.shop.on-run-end": {"unique_id": "operation.shop.on-run-end", "resource_type": "operation", "name": "x"}},
             "sources": {}, "macros": {}, "exposures": {}, "unit_tests": {}}
            """;
    private static final String CATALOG = """
            {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json"}, "sources": {}, "errors": null,
             "nodes": {"model.shop.orders": {"unique_id": "model.shop.orders",
               "metadata": {"type": "BASE TABLE", "schema": "main", "name": "orders", "owner": "ana"},
               "columns": {"ID": {"type": "INTEGER", "index": 1, "name": "ID"}, "amount": {"type": "DOUBLE", "index": 2, "name": "amount"}},
               "stats": {"has_stats": {"id": "has_stats", "label": "Has Stats?", "value": true, "include": false},
                         "row_count": {"id": "row_count", "label": "Row Count", "value": 5, "include": true}}}}}
            """;

    @TempDir
    Path target;

    @Test
    void indexAndChunksCarryWhatThePagesShow() throws IOException {
        Files.writeString(target.resolve("manifest.json"), MANIFEST);
        Files.writeString(target.resolve("catalog.json"), CATALOG);
        DocsSite.Written written = DocsSite.write(target, false, Map.of("model.shop.orders", Map.of("extra", "DATE", "id", "HUGEINT")));
        assertThat(written.nodes()).as("the hook is left out").isEqualTo(3);

        JsonNode index = data(target.resolve("smelt-docs/index.js"), "window.SMELT_DOCS=", ";\nwindow.SMELT_CHUNKS");
        assertThat(index.path("project").asText()).isEqualTo("shop");
        assertThat(index.path("catalog").asBoolean()).isTrue();
        assertThat(index.path("nodes").get(1).toString()).isEqualTo("[\"model.shop.orders\",\"model\",\"orders\",\"shop\",\"nightly\",\"Orders.\"]");
        assertThat(index.path("up").toString()).isEqualTo("[[],[0],[1]]");

        JsonNode chunk = data(target.resolve("smelt-docs/chunk-0.js"), "smeltDocsChunk(0,", ");\n");
        JsonNode orders = chunk.get(1);
        assertThat(orders.path("sql").asText()).isEqualTo("select * from raw");
        assertThat(orders.path("cfg").toString()).as("empty config left out").isEqualTo("{\"materialized\":\"table\"}");
        assertThat(orders.path("cat").toString()).isEqualTo("{\"type\":\"BASE TABLE\",\"owner\":\"ana\",\"stats\":[[\"Row Count\",\"5\"]]}");
        assertThat(orders.path("c").toString()).isEqualTo("[[\"id\",\"INTEGER\",\"The key\",[[2,\"unique\"]],[[0,\"ID\",\"direct\"]],[]],"
                + "[\"amount\",\"DOUBLE\",\"\",[],[],[]],"
                + "[\"note\",\"text\",\"\",[],[],[]],"
                + "[\"extra\",\"DATE\",\"\",[],[],[]]]");
        assertThat(chunk.get(0).path("c").toString()).as("the seed's column, named by the lineage")
                .isEqualTo("[[\"ID\",\"\",\"\",[],[],[[1,\"id\",\"direct\"]]]]");
        assertThat(chunk.get(2).path("att").asInt()).isEqualTo(1);
        assertThat(Files.readString(target.resolve("smelt-docs/chunk-0.js"))).contains("Not <\\/script><b>bold<\\/b>");
    }

    @Test
    void staticIsOneFileAndWithoutCatalogTheTypesAreDeclaredOrAnalysed() throws IOException {
        Files.writeString(target.resolve("manifest.json"), MANIFEST);
        DocsSite.write(target, true, Map.of("model.shop.orders", Map.of("id", "HUGEINT")));
        String page = Files.readString(target.resolve("index.html"));
        assertThat(target.resolve("smelt-docs")).doesNotExist();
        assertThat(page).doesNotContain("src=").doesNotContain("<link").contains("smeltDocsChunk(0,").contains("function markdown(");
        int start = page.indexOf("smeltDocsChunk(0,") + "smeltDocsChunk(0,".length();
        JsonNode chunk = JSON.readTree(page.substring(start, page.indexOf(");\n", start)));
        assertThat(chunk.get(1).path("c").get(0).get(1).asText()).as("the YAML's data_type before the analysis's").isEqualTo("bigint");
        assertThat(chunk.get(1).has("cat")).isFalse();
    }

    private static JsonNode data(Path file, String before, String after) throws IOException {
        String text = Files.readString(file);
        assertThat(text).startsWith(before);
        return JSON.readTree(text.substring(before.length(), text.indexOf(after)));
    }
}
