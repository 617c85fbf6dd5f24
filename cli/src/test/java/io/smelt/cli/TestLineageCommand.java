package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code smelt lineage} on the lineage fixture (DuckDB, seeded first so the source's columns are known). */
class TestLineageCommand {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void seed() {
        project = TestingProjects.copy("lineage", dir, Map.of("type", "duckdb", "path", dir.resolve("l.duckdb").toString()));
        Result seeded = TestingCli.inProject(project, "seed");
        assertThat(seeded.exitCode()).as(seeded.out() + seeded.err()).isZero();
    }

    @Test
    void upstreamIsATreeOfKindsAndEndsAtSeedsAndSources() {
        Result result = TestingCli.inProject(project, "lineage", "joined_orders.amount");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                joined_orders.amount (model joined_orders)
                |-- direct      eph_paid_orders.amount  [ephemeral]
                |   |-- direct      raw_orders.amount  [seed]
                |   `-- filter      raw_orders.status  [seed]
                |-- join        star_customers.customer_id
                |   `-- direct      shop.customers.customer_id  [source]
                `-- join        eph_paid_orders.customer_id  [ephemeral]
                    |-- direct      raw_orders.customer_id  [seed]
                    `-- filter      raw_orders.status  [seed]
                comes from:
                  direct      raw_orders.amount  [seed]
                  filter      raw_orders.status  [seed]
                  join        shop.customers.customer_id  [source]
                  join        raw_orders.customer_id  [seed]
                """);
    }

    @Test
    void downstreamAndDepthAndJson() throws IOException {
        Result down = TestingCli.inProject(project, "lineage", "RAW_ORDERS.Status", "--downstream", "--depth", "1");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).as("cut at depth 1").isEqualTo("""
                raw_orders.status (seed raw_orders)
                |-- filter      eph_paid_orders.order_id (...)
                |-- filter      eph_paid_orders.customer_id (...)
                |-- filter      eph_paid_orders.amount (...)
                `-- direct      union_parties.label
                """);

        Result json = TestingCli.inProject(project, "lineage", "cte_totals.doubled", "--output", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree.path("node").asText()).isEqualTo("model.lineage.cte_totals");
        assertThat(tree.path("edges").get(0).path("name").asText()).isEqualTo("raw_orders.amount");
        assertThat(tree.path("edges").get(0).path("kind").asText()).isEqualTo("transformed");
        assertThat(tree.path("origins").get(0).path("node").asText()).isEqualTo("seed.lineage.raw_orders");
    }

    @Test
    void aWrongModelOrColumnIsExitTwoWithTheClosestName() {
        Result model = TestingCli.inProject(project, "lineage", "joind_orders.amount");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("no model, seed, snapshot or source named 'joind_orders'")
                .contains("did you mean 'joined_orders'?");
        Result column = TestingCli.inProject(project, "lineage", "joined_orders.amont");
        assertThat(column.exitCode()).isEqualTo(2);
        assertThat(column.err()).contains("model joined_orders has no column 'amont'").contains("did you mean 'amount'?");
        Result bare = TestingCli.inProject(project, "lineage", "joined_orders");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("'joined_orders' is not MODEL.COLUMN");
    }

    @Test
    void aModelThatWasNotAnalysedSaysWhy() throws IOException {
        Files.writeString(project.resolve("models/grouped_all.sql"), "select status, count(*) as n from {{ ref('raw_orders') }} group by all\n");
        Result result = TestingCli.inProject(project, "lineage", "grouped_all.n");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("grouped_all.n (model grouped_all)\n  not analysed: does not parse as duckdb SQL");
    }
}
