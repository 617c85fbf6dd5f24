package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.lineage.ColumnRef;
import io.smelt.compiler.lineage.ProjectLineage;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column lineage of the lineage fixture, analysed in the engine's own SQL dialect after a build (seeded first, so the
 * source's columns come from the warehouse): one step per model for each case (CTE, star, union, join
 * key, window, ephemeral, filter), the whole way down to seeds and the source, and in manifest.json.
 */
public abstract class BaseLineageContractTest extends BaseProjectTest {
    private static final String ORDERS = "seed.lineage.raw_orders.";
    private static final String CUSTOMERS = "seed.lineage.raw_customers.";
    private static final String SOURCE = "source.lineage.shop.customers.";

    @Test
    public void everyCaseIsFollowedToSeedsAndSources() {
        try (Workspace workspace = load(project("lineage"))) {
            assertSucceeded(run(workspace, Command.SEED));
            assertSucceeded(run(workspace, Command.BUILD));
            assertSucceeded(run(workspace, Command.COMPILE));
            ProjectLineage lineage = workspace.lineage();

            assertThat(upstream(lineage, "cte_totals", "id")).containsExactlyInAnyOrder(ORDERS + "customer_id direct");
            assertThat(upstream(lineage, "cte_totals", "doubled")).containsExactlyInAnyOrder(ORDERS + "amount transformed");

            assertThat(lineage.columns("model.lineage.star_customers")).containsExactly("customer_id", "name", "country");
            assertThat(upstream(lineage, "star_customers", "name")).containsExactlyInAnyOrder(SOURCE + "name direct");

            assertThat(upstream(lineage, "union_parties", "party_id"))
                    .containsExactlyInAnyOrder(CUSTOMERS + "customer_id direct", ORDERS + "order_id direct");
            assertThat(upstream(lineage, "union_parties", "label"))
                    .containsExactlyInAnyOrder(CUSTOMERS + "name direct", ORDERS + "status direct");

            assertThat(upstream(lineage, "eph_paid_orders", "amount"))
                    .containsExactlyInAnyOrder(ORDERS + "amount direct", ORDERS + "status filter");
            String eph = "model.lineage.eph_paid_orders.";
            String star = "model.lineage.star_customers.";
            assertThat(upstream(lineage, "joined_orders", "customer_name")).containsExactlyInAnyOrder(
                    star + "name direct", star + "customer_id join", eph + "customer_id join");
            assertThat(origins(lineage, "joined_orders", "amount")).containsExactlyInAnyOrder(
                    ORDERS + "amount direct", ORDERS + "status filter", ORDERS + "customer_id join", SOURCE + "customer_id join");

            assertThat(upstream(lineage, "window_ranked", "nth_order"))
                    .containsExactlyInAnyOrder(ORDERS + "customer_id transformed", ORDERS + "ordered_at transformed");

            assertThat(upstream(lineage, "filtered_countries", "country"))
                    .containsExactlyInAnyOrder(star + "country direct", star + "name filter", star + "customer_id filter");
            assertThat(origins(lineage, "filtered_countries", "customers"))
                    .containsExactlyInAnyOrder(SOURCE + "name filter", SOURCE + "customer_id filter");

            assertThat(lineage.downstream(new ColumnRef("seed.lineage.raw_orders", "status")))
                    .extracting(edge -> edge.column() + " " + ProjectLineage.name(edge.kind()))
                    .containsExactlyInAnyOrder("model.lineage.union_parties.label direct", eph + "order_id filter",
                            eph + "customer_id filter", eph + "amount filter");

            JsonNode manifest = TestingDbtSchemas.read(workspace.targetPath().resolve("manifest.json"));
            TestingDbtSchemas.assertValid(manifest, TestingDbtSchemas.MANIFEST);
            JsonNode columns = manifest.path("nodes").path("model.lineage.joined_orders").path("columns");
            assertThat(columns.path("order_id").path("description").asText()).as("a documented column keeps its YAML").isEqualTo("The order");
            assertThat(columns.path("order_id").path("smelt").path("documented").asBoolean()).isTrue();
            assertThat(columns.path("customer_name").path("smelt").path("documented").asBoolean(true)).isFalse();
            assertThat(columns.path("customer_name").path("smelt").path("lineage").findValuesAsText("column"))
                    .containsExactlyInAnyOrder("name", "customer_id", "customer_id");
        }
    }

    private static List<String> upstream(ProjectLineage lineage, String model, String column) {
        List<String> edges = new ArrayList<>();
        lineage.upstream(new ColumnRef("model.lineage." + model, column))
                .forEach(edge -> edges.add(edge.column() + " " + ProjectLineage.name(edge.kind())));
        return edges;
    }

    private static List<String> origins(ProjectLineage lineage, String model, String column) {
        List<String> edges = new ArrayList<>();
        lineage.origins(new ColumnRef("model.lineage." + model, column))
                .forEach(edge -> edges.add(edge.column().toString().toLowerCase(Locale.ROOT) + " " + ProjectLineage.name(edge.kind())));
        return edges;
    }
}
