package io.smelt.compiler.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.GraphLinker;
import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.TestMetadata;
import io.smelt.compiler.graph.TestingLargeProject;
import io.smelt.compiler.graph.TestingNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.smelt.compiler.artifact.TestingDbtSchemas.MANIFEST;
import static io.smelt.compiler.artifact.TestingDbtSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

class TestManifestWriter {
    static final ArtifactMetadata META = new ArtifactMetadata(ArtifactMetadata.DBT_VERSION,
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", Instant.parse("2025-03-01T10:00:00Z"),
            Instant.parse("2025-03-01T10:00:02.5Z"), Map.of("TEAM", "data"));

    /** A small shop: a source, a seed, a staging model, an ephemeral model, a table, a generic and a singular test. */
    static Manifest shopManifest() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("column_name", "id");
        kwargs.put("model", "{{ get_where_subquery(ref('orders')) }}");
        List<Node> nodes = GraphLinker.link(List.of(
                TestingNodes.source("raw", "orders").file("models/staging/sources.yml")
                        .config("loaded_at_field", "_loaded_at")
                        .config("freshness", Map.of("warn_after", Map.of("count", 12, "period", "hour")))
                        .columns(new ColumnInfo("id", "primary key", "integer", Map.of(), List.of())).build(),
                TestingNodes.seed("countries").description("ISO countries").config("column_types", Map.of("code", "varchar"))
                        .build(),
                TestingNodes.model("stg_orders").file("models/staging/stg_orders.sql").patchPath("models/staging/schema.yml")
                        .rawCode("select * from {{ source('raw', 'orders') }}").source("raw", "orders", 1)
                        .tags("staging").description("Orders, cleaned")
                        .columns(new ColumnInfo("id", "order id", null, Map.of("pii", false), List.of("key"))).build(),
                TestingNodes.model("int_orders").file("models/intermediate/int_orders.sql")
                        .config("materialized", "ephemeral").rawCode("select * from {{ ref('stg_orders') }}")
                        .ref("stg_orders", 1).build(),
                TestingNodes.model("orders").file("models/marts/orders.sql").config("materialized", "table")
                        .config("post-hook", "grant select on {{ this }} to reporter").config("tags", "nightly")
                        .config("contract", Map.of("enforced", true))
                        .rawCode("select o.*, c.name from {{ ref('int_orders') }} o join {{ ref('countries') }} c using (code)")
                        .ref("int_orders", 1).ref("countries", 1).build(),
                new Node("test.shop.not_null_orders_id.a1b2c3", ResourceType.TEST, "shop",
                        "not_null_orders_id", Path.of("models/marts/schema.yml"), null,
                        List.of("shop", "marts", "not_null_orders_id"), "{{ test_not_null(**_dbt_generic_test_kwargs) }}",
                        new NodeConfig(Map.of("severity", "warn")), "", null,
                        List.of(new RefCall(null, "orders", null, 0)), null, null, "db",
                        "main_dbt_test__audit", "not_null_orders_id", null,
                        new TestMetadata("not_null", null, kwargs, "id", "model.shop.orders"),
                        null, null),
                TestingNodes.singularTest("assert_orders_positive").rawCode("select * from {{ ref('orders') }} where total < 0")
                        .ref("orders", 1).build()), "shop");
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.uniqueId(), n));
        Node disabled = TestingNodes.model("legacy_orders").disabled().build();
        MacroInfo macro = new MacroInfo("macro.shop.cents_to_dollars", "shop", "cents_to_dollars",
                Path.of("macros/cents_to_dollars.sql"), 1,
                "{% macro cents_to_dollars(col) %}({{ col }} / 100.0){% endmacro %}");
        return new Manifest("shop", "testing", byId, Map.of(macro.uniqueId(), macro), Map.of(disabled.uniqueId(), disabled));
    }

    static Map<String, String> compiled() {
        return Map.of(
                "model.shop.stg_orders", "select * from \"db\".\"raw\".\"orders\"",
                "model.shop.orders", "with __dbt__cte__int_orders as (select 1) select * from __dbt__cte__int_orders",
                "test.shop.not_null_orders_id.a1b2c3", "select id from orders where id is null");
    }

    @Test
    void aSourceConfigHasEveryKeyOfDbtsSourceConfig() throws Exception {
        Node plain = TestingNodes.source("raw", "plain").build();
        Manifest manifest = new Manifest("shop", null, linkedById(plain), Map.of(), Map.of());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(manifest, META).writeTo(out);
        JsonNode json = TestingDbtSchemas.read(out.toByteArray());
        assertValid(json, MANIFEST);

        JsonNode config = json.get("sources").get(plain.uniqueId()).get("config");
        assertThat(config.has("freshness")).as("macros test config.freshness != none").isTrue();
        assertThat(config.get("freshness").isNull()).isTrue();
        assertThat(config.get("loaded_at_field").isNull()).isTrue();
        assertThat(config.get("event_time").isNull()).isTrue();
    }

    @Test
    void manifestValidatesAgainstDbtSchemaAndCarriesDbtFields(@TempDir Path dir) {
        Path file = dir.resolve("target").resolve("manifest.json");
        ManifestWriter.write(file, shopManifest(), META, compiled());
        JsonNode json = TestingDbtSchemas.read(file);
        assertValid(json, MANIFEST);

        JsonNode metadata = json.get("metadata");
        assertThat(metadata.get("dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
        assertThat(metadata.get("dbt_version").asText()).isEqualTo("1.10.0");
        assertThat(metadata.get("generated_at").asText()).isEqualTo("2025-03-01T10:00:02.500000Z");
        assertThat(metadata.get("invocation_id").asText()).isEqualTo(META.invocationId());
        assertThat(metadata.get("project_name").asText()).isEqualTo("shop");
        assertThat(metadata.get("project_id").asText()).hasSize(32);
        assertThat(metadata.get("adapter_type").asText()).isEqualTo("testing");
        assertThat(metadata.get("env").get("TEAM").asText()).isEqualTo("data");

        assertThat(json.get("nodes").fieldNames()).toIterable().containsExactly("seed.shop.countries",
                "model.shop.stg_orders", "model.shop.int_orders", "model.shop.orders",
                "test.shop.not_null_orders_id.a1b2c3", "test.shop.assert_orders_positive");
        assertThat(json.get("sources").fieldNames()).toIterable().containsExactly("source.shop.raw.orders");
        assertThat(json.get("disabled").get("model.shop.legacy_orders").get(0).get("config").get("enabled").asBoolean()).isFalse();
        assertThat(json.get("macros").get("macro.shop.cents_to_dollars").get("path").asText())
                .isEqualTo("macros/cents_to_dollars.sql");

        JsonNode staging = json.get("nodes").get("model.shop.stg_orders");
        assertThat(staging.get("path").asText()).isEqualTo("staging/stg_orders.sql");
        assertThat(staging.get("original_file_path").asText()).isEqualTo("models/staging/stg_orders.sql");
        assertThat(staging.get("patch_path").asText()).isEqualTo("shop://models/staging/schema.yml");
        assertThat(staging.get("checksum").get("name").asText()).isEqualTo("sha256");
        assertThat(staging.get("checksum").get("checksum").asText()).hasSize(64);
        assertThat(staging.get("sources").get(0).toString()).isEqualTo("[\"raw\",\"orders\"]");
        assertThat(staging.get("depends_on").get("nodes").toString()).isEqualTo("[\"source.shop.raw.orders\"]");
        assertThat(staging.get("compiled").asBoolean()).isTrue();
        assertThat(staging.get("compiled_path").asText()).isEqualTo("target/compiled/shop/models/staging/stg_orders.sql");
        assertThat(staging.get("relation_name").asText()).isEqualTo("db.main.stg_orders");
        assertThat(staging.get("tags").toString()).isEqualTo("[\"staging\"]");
        assertThat(staging.get("columns").get("id").get("tags").toString()).isEqualTo("[\"key\"]");

        JsonNode ephemeral = json.get("nodes").get("model.shop.int_orders");
        assertThat(ephemeral.get("relation_name").isNull()).isTrue();
        assertThat(ephemeral.get("compiled").asBoolean()).isFalse();
        assertThat(ephemeral.get("config").get("materialized").asText()).isEqualTo("ephemeral");

        JsonNode orders = json.get("nodes").get("model.shop.orders");
        assertThat(orders.get("refs").get(0).toString()).isEqualTo("{\"name\":\"int_orders\",\"package\":null,\"version\":null}");
        assertThat(orders.get("config").get("post-hook").get(0).get("sql").asText()).isEqualTo("grant select on {{ this }} to reporter");
        assertThat(orders.get("config").get("tags").toString()).isEqualTo("[\"nightly\"]");
        assertThat(orders.get("contract").get("enforced").asBoolean()).isTrue();
        assertThat(orders.get("access").asText()).isEqualTo("protected");

        JsonNode test = json.get("nodes").get("test.shop.not_null_orders_id.a1b2c3");
        assertThat(test.get("path").asText()).isEqualTo("not_null_orders_id.sql");
        assertThat(test.get("compiled_path").asText())
                .isEqualTo("target/compiled/shop/models/marts/schema.yml/not_null_orders_id.sql");
        assertThat(test.get("test_metadata").get("name").asText()).isEqualTo("not_null");
        assertThat(test.get("test_metadata").get("kwargs").get("column_name").asText()).isEqualTo("id");
        assertThat(test.get("column_name").asText()).isEqualTo("id");
        assertThat(test.get("attached_node").asText()).isEqualTo("model.shop.orders");
        assertThat(test.get("file_key_name").asText()).isEqualTo("models.orders");
        assertThat(test.get("config").get("severity").asText()).isEqualTo("warn");

        JsonNode singular = json.get("nodes").get("test.shop.assert_orders_positive");
        assertThat(singular.has("test_metadata")).isFalse();
        assertThat(singular.get("path").asText()).isEqualTo("assert_orders_positive.sql");

        JsonNode seed = json.get("nodes").get("seed.shop.countries");
        assertThat(seed.has("refs")).isFalse();
        assertThat(seed.get("config").get("column_types").get("code").asText()).isEqualTo("varchar");

        JsonNode source = json.get("sources").get("source.shop.raw.orders");
        assertThat(source.get("identifier").asText()).isEqualTo("orders");
        assertThat(source.get("loaded_at_field").asText()).isEqualTo("_loaded_at");
        assertThat(source.get("freshness").get("warn_after").get("period").asText()).isEqualTo("hour");

        assertThat(json.get("parent_map").get("model.shop.orders").toString())
                .isEqualTo("[\"model.shop.int_orders\",\"seed.shop.countries\"]");
        assertThat(json.get("child_map").get("model.shop.orders").toString())
                .isEqualTo("[\"test.shop.assert_orders_positive\",\"test.shop.not_null_orders_id.a1b2c3\"]");
        assertThat(json.get("child_map").get("test.shop.assert_orders_positive").size()).isZero();
    }

    @Test
    void looseConfigValuesAreCoercedOrLeftOutSoTheManifestStaysValid() {
        Node messy = TestingNodes.model("messy")
                .config("pre-hook", List.of("select 1", Map.of("sql", "select 2", "transaction", "false")))
                .config("access", "everyone")
                .config("on_configuration_change", "APPLY")
                .config("full_refresh", "true")
                .config("enabled", "True")
                .config("docs", Map.of("show", "false", "node_color", "#aabbcc"))
                .config("unique_key", List.of("id", 2))
                .config("meta", "not a map")
                .config("persist_docs", Map.of("relation", true))
                .config("when", java.time.LocalDate.of(2024, 1, 31))
                .config("version", 2.0).config("latest_version", 2)
                .uniqueId("model.shop.messy.v2").build();
        Node messyTest = TestingNodes.genericTest("accepted_values_x", "accepted_values", "x", "model.shop.messy.v2")
                .config("severity", "sometimes").config("limit", "5").config("store_failures", 1)
                .config("tags", "one").build();
        Node messySource = TestingNodes.source("raw", "events")
                .config("freshness", Map.of("warn_after", Map.of("count", "many", "period", "hour")))
                .config("tags", "raw").build();
        Manifest manifest = new Manifest("shop", null, linkedById(messy, messyTest, messySource), Map.of(), Map.of());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(manifest, META).relationNames(n -> n.hasRelation() ? "\"" + n.alias() + "\"" : null).writeTo(out);
        JsonNode json = TestingDbtSchemas.read(out.toByteArray());
        assertValid(json, MANIFEST);

        JsonNode model = json.get("nodes").get("model.shop.messy.v2");
        assertThat(model.get("config").get("pre-hook").toString()).isEqualTo(
                "[{\"sql\":\"select 1\",\"transaction\":true,\"index\":null},{\"sql\":\"select 2\",\"transaction\":false,\"index\":null}]");
        assertThat(model.get("config").has("access")).isFalse();
        assertThat(model.get("access").asText()).isEqualTo("protected");
        assertThat(model.get("config").get("on_configuration_change").asText()).isEqualTo("apply");
        assertThat(model.get("config").get("full_refresh").asBoolean()).isTrue();
        assertThat(model.get("config").get("enabled").asBoolean()).isTrue();
        assertThat(model.get("docs").toString()).isEqualTo("{\"show\":false,\"node_color\":\"#aabbcc\"}");
        assertThat(model.get("config").get("when").asText()).isEqualTo("2024-01-31");
        assertThat(model.get("version").asInt()).isEqualTo(2);
        assertThat(model.get("latest_version").asInt()).isEqualTo(2);
        assertThat(model.get("relation_name").asText()).isEqualTo("\"messy\"");
        JsonNode test = json.get("nodes").get("test.shop.accepted_values_x");
        assertThat(test.get("config").has("severity")).isFalse();
        assertThat(test.get("config").get("limit").asInt()).isEqualTo(5);
        assertThat(test.get("tags").toString()).isEqualTo("[\"one\"]");
        assertThat(json.get("sources").get("source.shop.raw.events").get("freshness").isNull()).isTrue();
    }

    @Test
    void schemaCheckIsNotVacuous() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(shopManifest(), META).writeTo(out);
        JsonNode json = TestingDbtSchemas.read(out.toByteArray());
        ((ObjectNode) json.get("nodes").get("seed.shop.countries")).put("refs", "x");
        ((ObjectNode) json.get("metadata")).put("smelt_version", "0.1.0");
        assertThat(TestingDbtSchemas.problems(json, MANIFEST)).isNotEmpty();
    }

    @Test
    void everyKindOfNodeValidates() {
        Node snapshot = TestingNodes.snapshot("orders_snapshot").config("strategy", "check")
                .config("unique_key", "id").config("check_cols", List.of("status", "amount"))
                .config("snapshot_meta_column_names", Map.of("dbt_valid_to", "valid_until", "bogus", "x"))
                .ref("orders", 3).build();
        Node orders = TestingNodes.model("orders").build();
        Node analysis = TestingNodes.analysis("explore").ref("orders", 1).build();
        Node operation = new Node("operation.shop.shop-on-run-start-0", ResourceType.OPERATION, "shop",
                "shop-on-run-start-0", Path.of("./dbt_project.yml"), null, List.of("shop", "hooks", "shop-on-run-start-0"),
                "create schema if not exists audit", null, "", null, null, null, null, "db", "main", null, null, null,
                null, null);
        Node seed = TestingNodes.seed("codes").config("quote_columns", false).config("delimiter", ";").build();
        Node disabledSource = TestingNodes.source("legacy", "events").disabled().build();
        io.smelt.compiler.graph.UnitTestSpec spec = new io.smelt.compiler.graph.UnitTestSpec("test_orders", "orders", "checks",
                List.of(new io.smelt.compiler.graph.UnitTestSpec.Given("ref('raw')",
                        new io.smelt.compiler.graph.UnitTestSpec.Fixture("csv", List.of(Map.of("id", "1")), null, null), null)),
                new io.smelt.compiler.graph.UnitTestSpec.Fixture("dict", List.of(Map.of("id", 1)), null, null),
                Map.of("is_incremental", true), Map.of("x", 1), Map.of(), Map.of("tags", List.of("a")), Map.of(), null);
        Node unitTest = new Node("unit_test.shop.orders.test_orders", ResourceType.UNIT_TEST, "shop", "test_orders",
                Path.of("models/schema.yml"), null, List.of("shop", "orders", "test_orders"), "",
                new io.smelt.compiler.graph.NodeConfig(Map.of("enabled", true, "tags", List.of("a"))), "checks", null,
                List.of(new io.smelt.compiler.graph.RefCall(null, "orders", null, 3)), null, null, null, null, null, null, null,
                null, null, spec);
        Manifest manifest = new Manifest("shop", "testing", linkedById(snapshot, orders, analysis, operation, seed, unitTest),
                Map.of(), Map.of(disabledSource.uniqueId(), disabledSource));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(manifest, META).writeTo(out);
        JsonNode json = TestingDbtSchemas.read(out.toByteArray());
        assertValid(json, MANIFEST);
        JsonNode snap = json.get("nodes").get("snapshot.shop.orders_snapshot");
        assertThat(snap.get("config").get("check_cols").toString()).isEqualTo("[\"status\",\"amount\"]");
        assertThat(snap.get("config").get("snapshot_meta_column_names").toString()).isEqualTo("{\"dbt_valid_to\":\"valid_until\"}");
        assertThat(snap.get("relation_name").asText()).isEqualTo("db.main.orders_snapshot");
        assertThat(json.get("nodes").get("analysis.shop.explore").get("relation_name").isNull()).isTrue();
        assertThat(json.get("nodes").get("operation.shop.shop-on-run-start-0").get("resource_type").asText()).isEqualTo("operation");
        assertThat(json.get("disabled").get("source.shop.legacy.events").get(0).get("resource_type").asText()).isEqualTo("source");
        JsonNode unit = json.get("unit_tests").get("unit_test.shop.orders.test_orders");
        assertThat(unit.get("depends_on").get("nodes").toString()).isEqualTo("[\"model.shop.orders\"]");
        assertThat(unit.get("given").get(0).get("format").asText()).isEqualTo("csv");
        assertThat(json.get("nodes").has("unit_test.shop.orders.test_orders")).isFalse();
    }

    @Test
    void exposuresTimeSpinesAndSourceFieldsValidateAndLinkAsDbts() {
        Node orders = TestingNodes.model("orders").build()
                .withExtra(Map.of("time_spine", Map.of("standard_granularity_column", "day", "custom_granularities", List.of())));
        Node events = TestingNodes.source("raw", "events").build()
                .withExtra(Map.of("source_description", "Raw events", "loader", "fivetran", "source_meta", Map.of("team", "ingest")));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "dashboard");
        fields.put("owner", Map.of("email", "bi@example.com"));
        fields.put("maturity", "high");
        fields.put("url", null);
        fields.put("label", null);
        Node exposure = new Node("exposure.shop.weekly", ResourceType.EXPOSURE, "shop", "weekly", Path.of("models/bi/exposures.yml"),
                null, List.of("shop", "bi", "weekly"), "", new NodeConfig(Map.of("enabled", true, "tags", List.of("bi"))),
                "Weekly numbers", null, List.of(new RefCall(null, "orders", null, 5)), null,
                List.of("model.shop.orders", "source.shop.raw.events"), null, null, null, null, null, null, null, null, fields);
        Map<String, Node> nodes = linkedById(orders, events);
        Manifest manifest = new Manifest("shop", "testing", nodes, Map.of(), Map.of(), List.of(),
                Map.of(exposure.uniqueId(), exposure));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(manifest, META).writeTo(out);
        JsonNode json = TestingDbtSchemas.read(out.toByteArray());
        assertValid(json, MANIFEST);
        JsonNode written = json.get("exposures").get("exposure.shop.weekly");
        assertThat(written.get("path").asText()).isEqualTo("bi/exposures.yml");
        assertThat(written.get("owner").get("email").asText()).isEqualTo("bi@example.com");
        assertThat(written.get("owner").get("name").isNull()).isTrue();
        assertThat(written.get("depends_on").get("nodes").toString())
                .isEqualTo("[\"model.shop.orders\",\"source.shop.raw.events\"]");
        assertThat(written.get("config").get("tags").toString()).isEqualTo("[\"bi\"]");
        assertThat(json.get("child_map").get("model.shop.orders").toString()).contains("exposure.shop.weekly");
        assertThat(json.get("parent_map").get("exposure.shop.weekly").size()).isEqualTo(2);
        assertThat(json.get("nodes").get("model.shop.orders").get("time_spine").get("standard_granularity_column").asText())
                .isEqualTo("day");
        JsonNode source = json.get("sources").get("source.shop.raw.events");
        assertThat(source.get("source_description").asText() + "|" + source.get("loader").asText() + "|"
                + source.get("source_meta").get("team").asText()).isEqualTo("Raw events|fivetran|ingest");
        Map<?, ?> graphExposures = (Map<?, ?>) FlatGraph.of(manifest, n -> null).get("exposures");
        assertThat(graphExposures.keySet().toString()).isEqualTo("[exposure.shop.weekly]");
    }

    @Test
    void writesAtomicallyAndReplacesAnOldManifest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/target/manifest.json");
        ManifestWriter.write(file, shopManifest(), META);
        long first = Files.size(file);
        ManifestWriter.write(file, shopManifest(), META, compiled());
        assertThat(Files.size(file)).isGreaterThan(first);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        assertThat(TestingDbtSchemas.read(file).get("nodes").get("model.shop.orders").get("compiled_path").asText())
                .startsWith("target/compiled/shop/");
    }

    @Test
    void tenThousandNodeManifestIsWrittenQuickly(@TempDir Path dir) {
        List<Node> project = TestingLargeProject.nodes();
        Manifest manifest = new Manifest("shop", "testing", linkedById(project.toArray(Node[]::new)), Map.of(), Map.of());
        Map<String, String> code = new LinkedHashMap<>();
        manifest.nodes().keySet().forEach(id -> code.put(id, "select 1 as id"));
        Path file = dir.resolve("target/manifest.json");
        // Wall time suffers when the machine is busy; the thread's CPU time shows the work itself
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            ManifestWriter.write(file, manifest, META, code);
            System.out.printf("10,000-node manifest (%,d bytes), round %d: %.1f ms wall, %.1f ms CPU%n", sizeOf(file),
                    round, (System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
        JsonNode json = TestingDbtSchemas.read(file);
        assertThat(json.get("nodes").size() + json.get("sources").size()).isEqualTo(10_000);
        assertThat(json.get("parent_map").size()).isEqualTo(10_000);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Node> linkedById(Node... nodes) {
        Map<String, Node> byId = new LinkedHashMap<>();
        GraphLinker.link(List.of(nodes), "shop").forEach(n -> byId.put(n.uniqueId(), n));
        return byId;
    }
}
