package io.smelt.compiler.state;

import io.smelt.adapter.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which nodes a comparison manifest gives a defer_relation, and when ref() reads it, as dbt decides. */
class TestDeferral {
    @TempDir
    Path dir;

    /** Entries as dbt-core 1.9 writes them in a manifest v12. */
    private StateManifest manifest() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
                 "nodes": {
                   "model.shop.orders": {"resource_type": "model", "name": "orders", "database": "prod_db", "schema": "analytics",
                       "alias": "orders_v2", "relation_name": "\\"prod_db\\".\\"analytics\\".\\"orders_v2\\"", "config": {"materialized": "table"}},
                   "model.shop.cte": {"resource_type": "model", "name": "cte", "database": "prod_db", "schema": "analytics",
                       "alias": "cte", "relation_name": null, "config": {"materialized": "ephemeral"}},
                   "seed.shop.raw": {"resource_type": "seed", "name": "raw", "database": null, "schema": "raw",
                       "alias": "raw", "relation_name": "raw.raw", "config": {"materialized": "seed"}},
                   "test.shop.unique_orders_id.1": {"resource_type": "test", "name": "unique_orders_id", "database": "prod_db",
                       "schema": "analytics_dbt_test__audit", "alias": "unique_orders_id", "relation_name": null,
                       "config": {"materialized": "test"}}
                 },
                 "sources": {
                   "source.shop.app.users": {"resource_type": "source", "name": "users", "database": "prod_db", "schema": "app",
                       "identifier": "users", "relation_name": "\\"prod_db\\".\\"app\\".\\"users\\""}
                 }}
                """);
        return PreviousRun.of(dir, "--state").manifest();
    }

    @Test
    void modelsSeedsAndSnapshotsThatAreNotEphemeralHaveADeferRelation() throws IOException {
        Deferral deferral = Deferral.of(manifest(), true, false);
        assertThat(deferral.relation("model.shop.orders")).isEqualTo(new Relation("prod_db", "analytics", "orders_v2", null));
        assertThat(deferral.relation("seed.shop.raw")).isEqualTo(new Relation(null, "raw", "raw", null));
        assertThat(deferral.relation("model.shop.cte")).as("ephemeral").isNull();
        assertThat(deferral.entry("model.shop.cte")).isNull();
        assertThat(deferral.relation("test.shop.unique_orders_id.1")).as("tests are not refable").isNull();
        assertThat(deferral.relation("source.shop.app.users")).as("sources are never deferred").isNull();
        assertThat(deferral.relation("model.shop.new")).isNull();
        assertThat(Deferral.NONE.relation("model.shop.orders")).isNull();
        assertThat(Deferral.NONE.active()).isFalse();
        assertThat(deferral.active()).isTrue();
    }

    @Test
    void refReadsTheStateWhenThisTargetLacksTheNodeOrWithFavorStateWhenItIsNotSelected() throws IOException {
        StateManifest manifest = manifest();
        Relation production = new Relation("prod_db", "analytics", "orders_v2", null);

        Deferral defer = Deferral.of(manifest, true, false);
        assertThat(defer.refTarget("model.shop.orders", false, false)).isEqualTo(production);
        assertThat(defer.refTarget("model.shop.orders", true, false)).as("selected but not built yet").isEqualTo(production);
        assertThat(defer.refTarget("model.shop.orders", false, true)).as("this target has it").isNull();

        Deferral favor = Deferral.of(manifest, true, true);
        assertThat(favor.refTarget("model.shop.orders", false, true)).isEqualTo(production);
        assertThat(favor.refTarget("model.shop.orders", true, true)).as("a selected node is read here").isNull();
        assertThat(favor.refTarget("model.shop.new", false, false)).as("the state lacks it").isNull();

        Deferral clone = Deferral.of(manifest, false, false);
        assertThat(clone.refTarget("model.shop.orders", false, false)).as("without --defer refs stay here").isNull();
        assertThat(clone.relation("model.shop.orders")).isEqualTo(production);
    }

    @Test
    void aNodeTheStateLacksIsReportedOnce() throws IOException {
        Deferral defer = Deferral.of(manifest(), true, false);
        assertThat(defer.firstLacking("model.shop.new")).isTrue();
        assertThat(defer.firstLacking("model.shop.new")).isFalse();
        assertThat(defer.firstLacking("model.shop.orders")).isFalse();
        assertThat(Deferral.of(manifest(), false, false).firstLacking("model.shop.new")).as("not deferring").isFalse();
        assertThat(defer.file()).isEqualTo(dir.resolve("manifest.json"));
    }
}
