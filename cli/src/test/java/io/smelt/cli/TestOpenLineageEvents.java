package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.testing.TestingLineageReceiver;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenLineage events one {@code build} of {@link LineageShop} on DuckDB posts to a receiver on
 * loopback given as {@code OPENLINEAGE_URL}, read back as JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestOpenLineageEvents {
    private static final String KEY = "s3cret-key-never-shown";

    @TempDir
    static Path dir;

    private Path project;
    private Result build;
    private List<JsonNode> events;
    private List<String> authorizations;

    @BeforeAll
    void build() throws Exception {
        project = LineageShop.write(dir);
        try (TestingLineageReceiver receiver = new TestingLineageReceiver(200)) {
            build = TestingCli.inProject(project, LineageShop.environment(dir,
                    "OPENLINEAGE_URL", receiver.url(), "OPENLINEAGE_API_KEY", KEY, "OPENLINEAGE_NAMESPACE", "analytics"), "build");
            events = receiver.events();
            authorizations = receiver.authorizations();
        }
    }

    @Test
    void eachNodeStartsThenEndsUnderOneRunIdWhateverHappened() {
        assertThat(build.exitCode()).as(build.out() + build.err()).isEqualTo(1);
        Map<String, String> expected = Map.of(
                "seed.shop.customers", "COMPLETE",
                "seed.shop.orders", "COMPLETE",
                "model.shop.stg_customers", "COMPLETE",
                "model.shop.customer_orders", "COMPLETE",
                "model.shop.broken", "FAIL",
                "model.shop.after_broken", "ABORT",
                test("not_null_customer_orders_customer_id"), "COMPLETE",
                test("unique_customer_orders_name"), "FAIL");
        expected.forEach((job, end) -> {
            List<JsonNode> mine = LineageShop.ofJob(events, job);
            assertThat(mine).as(job).hasSize(2);
            assertThat(mine.get(0).path("eventType").asText()).as(job).isEqualTo("START");
            assertThat(mine.get(1).path("eventType").asText()).as(job).isEqualTo(end);
            assertThat(mine.get(1).path("run").path("runId").asText()).as(job)
                    .isEqualTo(mine.get(0).path("run").path("runId").asText());
            assertThat(mine.get(0).path("job").path("namespace").asText()).isEqualTo("analytics");
        });
        assertThat(events).hasSize(2 * expected.size() + 2);
    }

    @Test
    void theInvocationIsEveryNodesParent() {
        List<JsonNode> invocation = LineageShop.ofJob(events, "dbt-run-shop");
        assertThat(invocation).extracting(e -> e.path("eventType").asText()).containsExactly("START", "FAIL");
        assertThat(events.get(0)).isEqualTo(invocation.get(0));
        assertThat(events.get(events.size() - 1)).isEqualTo(invocation.get(1));
        assertThat(invocation.get(1).at("/run/facets/errorMessage/message").asText()).isEqualTo("2 of 8 nodes failed");
        String runId = invocation.get(0).at("/run/runId").asText();
        assertThat(runId).isEqualTo(invocation.get(1).at("/run/runId").asText());
        for (JsonNode event : events) {
            if (event.at("/job/name").asText().equals("dbt-run-shop")) {
                continue;
            }
            JsonNode parent = event.at("/run/facets/parent");
            assertThat(parent.at("/run/runId").asText()).isEqualTo(runId);
            assertThat(parent.at("/job/name").asText()).isEqualTo("dbt-run-shop");
            assertThat(parent.at("/job/namespace").asText()).isEqualTo("analytics");
            assertThat(parent.at("/root/run/runId").asText()).isEqualTo(runId);
            assertThat(event.at("/run/facets/processing_engine/name").asText()).isEqualTo("smelt");
            assertThat(event.at("/job/facets/jobType/integration").asText()).isEqualTo("DBT");
            assertThat(event.at("/job/facets/jobType/processingType").asText()).isEqualTo("BATCH");
        }
        assertThat(end("model.shop.customer_orders").at("/job/facets/jobType/jobType").asText()).isEqualTo("MODEL");
        assertThat(end("seed.shop.orders").at("/job/facets/jobType/jobType").asText()).isEqualTo("SEED");
        assertThat(end(test("unique_customer_orders_name")).at("/job/facets/jobType/jobType").asText()).isEqualTo("TEST");
    }

    @Test
    void aModelReadsItsParentsAndWritesItsTableWithSchemaSqlAndColumnLineage() {
        JsonNode done = end("model.shop.customer_orders");
        String namespace = "duckdb://" + dir.resolve("shop.duckdb");
        assertThat(names(done.path("inputs"))).containsExactlyInAnyOrder("shop.main.stg_customers", "shop.main.orders");
        assertThat(done.at("/inputs/0/namespace").asText()).isEqualTo(namespace);
        JsonNode output = done.at("/outputs/0");
        assertThat(output.path("namespace").asText()).isEqualTo(namespace);
        assertThat(output.path("name").asText()).isEqualTo("shop.main.customer_orders");
        List<String> fields = new ArrayList<>();
        output.at("/facets/schema/fields").forEach(f -> fields.add(f.path("name").asText() + " " + f.path("type").asText()));
        assertThat(fields).containsExactly("customer_id INTEGER", "name VARCHAR", "total INTEGER");
        assertThat(output.at("/facets/schema/fields/0/description").asText()).isEqualTo("The customer.");
        assertThat(output.at("/facets/documentation/description").asText()).isEqualTo("Each customer's order total.");
        assertThat(done.at("/job/facets/sql/query").asText()).contains("join \"shop\".\"main\".\"orders\"");
        assertThat(done.at("/job/facets/sql/dialect").asText()).isEqualTo("duckdb");

        JsonNode lineage = output.at("/facets/columnLineage/fields");
        assertThat(inputs(lineage.path("name"))).contains("shop.main.stg_customers.name DIRECT IDENTITY");
        assertThat(inputs(lineage.path("total"))).contains("shop.main.orders.amount DIRECT TRANSFORMATION");
        assertThat(inputs(lineage.path("total"))).contains("shop.main.orders.customer_id INDIRECT JOIN",
                "shop.main.stg_customers.id INDIRECT JOIN");
    }

    @Test
    void testsAttachTheirAssertionToTheDatasetTheyTest() {
        JsonNode passed = end(test("not_null_customer_orders_customer_id"));
        assertThat(names(passed.path("inputs"))).containsExactly("shop.main.customer_orders");
        assertThat(passed.path("outputs")).isEmpty();
        JsonNode assertion = passed.at("/inputs/0/inputFacets/dataQualityAssertions/assertions/0");
        assertThat(assertion.path("assertion").asText()).isEqualTo("not_null");
        assertThat(assertion.path("column").asText()).isEqualTo("customer_id");
        assertThat(assertion.path("success").asBoolean()).isTrue();

        JsonNode failed = end(test("unique_customer_orders_name"));
        JsonNode unique = failed.at("/inputs/0/inputFacets/dataQualityAssertions/assertions/0");
        assertThat(unique.path("assertion").asText()).isEqualTo("unique");
        assertThat(unique.path("column").asText()).isEqualTo("name");
        assertThat(unique.path("success").asBoolean()).isFalse();
    }

    @Test
    void aFailedModelCarriesTheEnginesErrorAndASkippedOneIsAborted() {
        JsonNode failed = end("model.shop.broken");
        assertThat(failed.at("/run/facets/errorMessage/message").asText()).contains("not a number");
        assertThat(failed.at("/run/facets/errorMessage/programmingLanguage").asText()).isEqualTo("sql");
        assertThat(failed.at("/job/facets/sql/query").asText()).contains("cast('not a number' as integer)");
        JsonNode skipped = end("model.shop.after_broken");
        assertThat(skipped.at("/run/facets/errorMessage").isMissingNode()).isTrue();
        assertThat(names(skipped.path("inputs"))).containsExactly("shop.main.broken");
    }

    @Test
    void theApiKeyIsSentAsABearerTokenAndNeverShown() {
        assertThat(authorizations).isNotEmpty().allMatch(("Bearer " + KEY)::equals);
        assertThat(build.out() + build.err()).doesNotContain(KEY);
    }

    private JsonNode end(String job) {
        List<JsonNode> mine = LineageShop.ofJob(events, job);
        assertThat(mine).as(job).hasSize(2);
        return mine.get(1);
    }

    private String test(String prefix) {
        return events.stream().map(e -> e.at("/job/name").asText()).filter(name -> name.startsWith("test.shop." + prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no events for test " + prefix));
    }

    private static List<String> names(JsonNode datasets) {
        List<String> names = new ArrayList<>();
        datasets.forEach(d -> names.add(d.path("name").asText()));
        return names;
    }

    private static List<String> inputs(JsonNode field) {
        List<String> found = new ArrayList<>();
        field.path("inputFields").forEach(input -> input.path("transformations").forEach(t -> found.add(
                input.path("name").asText() + "." + input.path("field").asText() + " " + t.path("type").asText() + " "
                        + t.path("subtype").asText())));
        return found;
    }
}
