package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Versioned models (the model_versions fixture) built on DuckDB and read back. */
class TestModelVersions {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("model_versions", dir, Map.of("type", "duckdb", "path", dir.resolve("v.duckdb").toString()));
    }

    @Test
    void eachVersionIsBuiltAsItsOwnRelationAndRefsPickTheirVersion() throws Exception {
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(column("select table_name || ':' || table_type from information_schema.tables"
                + " where table_name like 'dim_customers%' or table_name like 'orders%' order by 1"))
                .containsExactly("dim_customers_v1:VIEW", "dim_customers_v2:BASE TABLE", "dim_customers_v3:BASE TABLE",
                        "orders_v1:BASE TABLE", "orders_v2:BASE TABLE");
        assertThat(column("select built_from from by_default")).as("latest_version: 2").containsExactly("two");
        assertThat(column("select built_from from pinned_v")).containsExactly("three");
        assertThat(column("select built_from from pinned_version")).containsExactly("one");
        assertThat(column("select built_from from latest_orders")).as("orders.sql holds the latest version").containsExactly("two");
        assertThat(column("select built_from from orders_v2")).containsExactly("two");
        assertThat(result.out()).contains("PASS test_every_version_v1").contains("PASS test_every_version_v3")
                .contains("PASS test_legacy_only_v1").doesNotContain("test_legacy_only_v2");
        assertThat(result.out()).contains("PASS unique_dim_customers_v3_id").contains("PASS not_null_dim_customers_v3_tier")
                .contains("PASS not_null_dim_customers_v1_name").doesNotContain("not_null_dim_customers_v3_name");
    }

    @Test
    void theManifestRecordsVersionsAsDbtDoes() throws IOException {
        Result result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode nodes = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile()).path("nodes");
        JsonNode v3 = nodes.path("model.model_versions.dim_customers.v3");
        assertThat(v3.path("name").asText()).isEqualTo("dim_customers");
        assertThat(v3.path("alias").asText()).isEqualTo("dim_customers_v3");
        assertThat(v3.path("version").asInt()).isEqualTo(3);
        assertThat(v3.path("latest_version").asInt()).isEqualTo(2);
        assertThat(v3.path("description").asText()).isEqualTo("Customers with tiers instead of names");
        assertThat(v3.path("fqn").toString()).isEqualTo("[\"model_versions\",\"dim_customers\",\"v3\"]");
        assertThat(v3.path("columns").fieldNames()).toIterable().containsExactly("id", "tier");
        assertThat(v3.path("tags").toString()).contains("customers");
        assertThat(v3.path("config").has("version")).as("a node field, not config").isFalse();
        JsonNode v1 = nodes.path("model.model_versions.dim_customers.v1");
        assertThat(v1.path("original_file_path").asText()).isEqualTo("models/customers_legacy.sql");
        assertThat(v1.path("config").path("materialized").asText()).isEqualTo("view");
        assertThat(v1.path("description").asText()).isEqualTo("Customers, one row each");
        assertThat(v1.path("columns").path("name").path("description").asText()).isEqualTo("the customer's name");
        assertThat(nodes.path("model.model_versions.orders.v2").path("original_file_path").asText()).isEqualTo("models/orders.sql");
        assertThat(nodes.path("model.model_versions.by_default").path("depends_on").path("nodes").toString())
                .isEqualTo("[\"model.model_versions.dim_customers.v2\"]");
    }

    @Test
    void aUnitTestOfAVersionedModelRunsOncePerVersionItKeeps() {
        Result result = TestingCli.inProject(project, "ls", "--resource-type", "unit_test");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactlyInAnyOrder(
                "model_versions.dim_customers.test_every_version_v1", "model_versions.dim_customers.test_every_version_v2",
                "model_versions.dim_customers.test_every_version_v3", "model_versions.dim_customers.test_legacy_only_v1");
    }

    @Test
    void theVersionSelectorPicksLatestPrereleaseOldAndUnversionedModels() {
        assertThat(ls("version:latest")).containsExactlyInAnyOrder("model_versions.dim_customers.v2", "model_versions.orders.v2");
        assertThat(ls("version:prerelease")).containsExactly("model_versions.dim_customers.v3");
        assertThat(ls("version:old")).containsExactlyInAnyOrder("model_versions.dim_customers.v1", "model_versions.orders.v1");
        assertThat(ls("version:none")).containsExactlyInAnyOrder("model_versions.by_default", "model_versions.pinned_v",
                "model_versions.pinned_version", "model_versions.latest_orders");
        assertThat(ls("dim_customers")).as("a model's name selects all its versions").hasSize(3);
        Result bad = TestingCli.inProject(project, "ls", "--select", "version:newest");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown version type 'newest'");
    }

    private List<String> ls(String selector) {
        Result result = TestingCli.inProject(project, "ls", "--resource-type", "model", "--select", selector);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().lines().toList();
    }

    private List<String> column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("v.duckdb"));
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
