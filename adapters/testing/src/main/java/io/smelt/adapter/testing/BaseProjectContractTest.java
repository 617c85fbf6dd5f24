package io.smelt.adapter.testing;

import io.smelt.adapter.RelationType;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project-level contract every engine passes: fixture projects built end to end, then what the
 * engine holds read back. Engine modules subclass it and supply {@link #targetFields}.
 */
public abstract class BaseProjectContractTest extends BaseProjectTest {
    @Test
    public void jaffleShopBuildsAndHoldsTheExpectedRows() throws IOException {
        Path project = project("jaffle_shop");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            assertSucceeded(summary);
            assertThat(summary.count(NodeStatus.PASS)).isEqualTo(16);
            assertThat(summary.count(NodeStatus.SUCCESS)).isEqualTo(3 + 3 + 2);
            assertMatchesCsv(workspace, "customers", "customer_id", project.resolve("expected/customers.csv"));
            assertMatchesCsv(workspace, "orders", "order_id", project.resolve("expected/orders.csv"));
            String database = database(workspace, "customers");
            assertThat(kind(workspace, database, schema(), "stg_orders")).contains(RelationType.VIEW);
            assertThat(kind(workspace, database, schema(), "orders")).contains(RelationType.TABLE);
            assertThat(kind(workspace, database, schema(), "raw_orders")).contains(RelationType.TABLE);
        }
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/manifest.json")), TestingDbtSchemas.MANIFEST);
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/run_results.json")), TestingDbtSchemas.RUN_RESULTS);
        assertThat(TestingDbtSchemas.read(project.resolve("target/run_results.json")).get("results")).hasSize(24);
    }

    @Test
    public void aSecondBuildReplacesTablesAndViewsInPlace() {
        Path project = project("jaffle_shop");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(count(workspace, "customers")).isEqualTo(100);
            assertThat(count(workspace, "raw_payments")).isEqualTo(120);
        }
    }

    @Test
    public void featuresProjectGivesEachFeaturesExpectedResult() {
        Path project = project("features");
        try (Workspace workspace = load(project)) {
            RunSummary first = run(workspace, Command.BUILD);
            assertSucceeded(first);
            assertThat(scalar(workspace, "select n from " + relation(workspace, "ref_two_args"))).isEqualTo(5L);
            assertThat(rows(workspace, "select * from " + relation(workspace, "cross_db_dates"))).containsExactly("1|2|1");
            assertThat(rows(workspace, "select * from " + relation(workspace, "relation_mapping"))).containsExactly("True|SmeltRelation|True");
            assertThat(scalar(workspace, "select clicks from " + relation(workspace, "from_source")).toString()).isEqualTo("2");
            assertThat(scalar(workspace, "select postal_code from " + relation(workspace, "seed_column_types"))).isEqualTo("00501");
            assertThat(scalar(workspace, "select order_name from " + relation(workspace, "seed_quoted"))).isEqualTo("second");
            assertThat(workspace.relationName("p_sql")).contains("p_alias_sql");
            assertThat(workspace.relationName("p_yaml")).contains("p_alias_yaml");
            assertThat(kind(workspace, database(workspace, "p_sql"), schema(), "p_alias_sql")).contains(RelationType.TABLE);
            assertThat(kind(workspace, database(workspace, "p_yaml"), schema(), "p_alias_yaml")).contains(RelationType.VIEW);
            assertThat(workspace.manifest().nodes().get("model.features.p_sql").config().tags())
                    .containsExactlyInAnyOrder("from_project", "from_yaml", "from_sql");
            assertThat(text(scalar(workspace, "select project_var from " + relation(workspace, "vars_model")))).isEqualTo("hello");
            assertThat(text(scalar(workspace, "select defaulted_var from " + relation(workspace, "vars_model")))).isEqualTo("fallback");
            assertThat(text(scalar(workspace, "select env_value from " + relation(workspace, "env_model")))).isEqualTo("env_default");
            assertThat(workspace.relationName("eph_numbers")).isNull();
            assertThat(text(scalar(workspace, "select total from " + relation(workspace, "eph_sum")))).isEqualTo("12");
            assertThat(text(scalar(workspace, "select row_count from " + relation(workspace, "eph_count")))).isEqualTo("3");
            assertThat(text(scalar(workspace, "select row_count from " + relation(workspace, "call_block")))).isEqualTo("3");
            assertThat(text(scalar(workspace, "select n_big from " + relation(workspace, "set_block")))).isEqualTo("2");
            assertThat(text(scalar(workspace, "select joined from " + relation(workspace, "do_tag")))).isEqualTo("a-b-c");
            assertThat(text(scalar(workspace, "select doubled from " + relation(workspace, "return_value")))).isEqualTo("42");
            assertThat(text(scalar(workspace, "select initials from " + relation(workspace, "return_value")))).isEqualTo("abg");
            assertThat(text(scalar(workspace, "select counted_at_run_time from " + relation(workspace, "run_query_model")))).isEqualTo("5");
            assertThat(text(scalar(workspace, "select column_list from " + relation(workspace, "introspect")))).isEqualTo("a,b,c");
            assertThat(text(scalar(workspace, "select dispatched_to from " + relation(workspace, "dispatch_model"))))
                    .isEqualTo(dispatchedTo());
            assertThat(text(scalar(workspace, "select leap_day from " + relation(workspace, "datetime_model")))).isEqualTo("2024-02-29");
            long models = workspace.manifest().nodes().values().stream().filter(n -> n.resourceType().dbtName().equals("model")).count();
            assertThat(rows(workspace, "select regex_group, created_identifier, found_view, graph_models, via_builtins from "
                    + relation(workspace, "context_objects"))).containsExactly("orders|base_numbers|true|" + models + "|5");
            assertThat(rows(workspace, "select id, part, val from " + relation(workspace, "inc_merge") + " order by id, part"))
                    .containsExactly("1|a|original", "1|b|original", "2|a|original");
            // Table formats such as Iceberg keep no insertion order, so the hooks' rows are compared as a set.
            assertThat(rows(workspace, "select model_name, event from " + schema() + ".audit_log"))
                    .containsExactlyInAnyOrder("hooked|pre", "hooked|post", "run|end");
            assertThat(workspace.relationName("disabled_model")).isNull();

            RunSummary second = run(workspace, Command.RUN);
            assertSucceeded(second);
            assertThat(rows(workspace, "select id, part, val from " + relation(workspace, "inc_merge") + " order by id, part"))
                    .containsExactly("1|a|updated", "1|b|original", "2|a|original", "3|a|inserted");
            assertThat(rows(workspace, "select id, run_label from " + relation(workspace, "inc_delete_insert") + " order by id"))
                    .containsExactly("1|first", "2|first", "3|second", "4|second");
            assertThat(count(workspace, "inc_append")).isEqualTo(3);
            assertThat(rows(workspace, "select id, val from " + relation(workspace, "inc_strategy_merge") + " order by id"))
                    .containsExactly("1|original", "2|merged", "4|merged");
            assertThat(rows(workspace, "select model_name, event from " + schema() + ".audit_log")).hasSize(6);

            RunSummary refreshed = run(workspace, Command.RUN, true, "tag:incremental");
            assertSucceeded(refreshed);
            assertThat(count(workspace, "inc_append")).isEqualTo(2);
            assertThat(count(workspace, "inc_merge")).isEqualTo(3);
        }
    }

    @Test
    public void eightThreadsBuildOneDatabaseWithoutErrors() {
        Path project = project("jaffle_shop");
        try (Workspace workspace = load(project, null, Map.of(), 8)) {
            for (int round = 0; round < 3; round++) {
                RunSummary summary = run(workspace, Command.BUILD);
                assertSucceeded(summary);
                assertThat(summary.results()).hasSize(24);
            }
            assertThat(count(workspace, "orders")).isEqualTo(100);
        }
        Path generated = project("generated_wide");
        try (Workspace workspace = load(generated, null, Map.of(), 8)) {
            RunSummary summary = run(workspace, Command.BUILD);
            assertSucceeded(summary);
            long buildable = workspace.manifest().nodes().values().stream()
                    .filter(n -> !n.resourceType().dbtName().equals("source")).count();
            assertThat(summary.results()).hasSize((int) buildable);
            assertThat(summary.count(NodeStatus.SUCCESS)).isEqualTo(40 + 5);
        }
    }

    @Test
    public void varsAndEnvironmentReachTemplates() {
        Path project = project("features");
        try (Workspace workspace = load(project, "{greeting: hi}", Map.of("SMELT_FEATURES_ENV", "xyz"), null)) {
            assertSucceeded(run(workspace, Command.RUN, "vars_model", "env_model"));
            assertThat(text(scalar(workspace, "select project_var from " + relation(workspace, "vars_model")))).isEqualTo("hi");
            assertThat(text(scalar(workspace, "select project_number from " + relation(workspace, "vars_model")))).isEqualTo("42");
            assertThat(text(scalar(workspace, "select env_value from " + relation(workspace, "env_model")))).isEqualTo("xyz");
            assertThat(workspace.runOperation("log_greeting", Map.of("name", "smelt"), io.smelt.compiler.result.RunListener.NONE))
                    .isEqualTo("hello, smelt");
        }
    }

    @Test
    public void selectionByTagRunsOnlyThoseModels() {
        Path project = project("features");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.RUN, "tag:nightly");
            assertSucceeded(summary);
            assertThat(summary.results()).extracting(r -> r.node().name())
                    .filteredOn(n -> !n.contains("-on-run-"))
                    .containsExactlyInAnyOrder("tagged_a", "tagged_b");
        }
    }

    @Test
    public void aFailedModelLeavesThePreviousTableAndSkipsWhatDependsOnIt() throws IOException {
        Path project = project("bad/failing_model");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.RUN));
            assertThat(count(workspace, "m")).isEqualTo(3);
        }
        Files.copy(project.resolve("alt/m_broken.sql"), project.resolve("models/m.sql"), StandardCopyOption.REPLACE_EXISTING);
        try (Workspace workspace = load(project)) {
            RunSummary broken = run(workspace, Command.RUN);
            assertThat(broken.success()).isFalse();
            assertThat(result(broken, "upstream").status()).isEqualTo(NodeStatus.SUCCESS);
            NodeResult failed = result(broken, "m");
            assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
            assertThat(failed.message()).contains("m").containsIgnoringCase("no_such_column");
            assertThat(result(broken, "downstream").status()).isEqualTo(NodeStatus.SKIPPED);
            assertThat(count(workspace, "m")).isEqualTo(3);
            assertThat(text(scalar(workspace, "select total from " + relation(workspace, "downstream")))).isEqualTo("60");
        }
    }

    /** Issue 13: tests whose parents cross used to make build wait forever; --empty builds the same models without rows. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    public void crossedMultiParentTestsBuildAndEmptyBuildsNoRows() {
        Path project = project("crossed_tests");
        try (Workspace workspace = load(project)) {
            RunSummary build = run(workspace, Command.BUILD);
            assertSucceeded(build);
            assertThat(build.results()).hasSize(8);
            assertThat(count(workspace, "y")).isEqualTo(1);
            assertSucceeded(workspace.execute(new Invocation(Command.RUN, Selection.all(), false, false, EventTimeRange.NONE,
                    WarnErrorOptions.NONE, false, true), RunListener.NONE));
            assertThat(count(workspace, "a")).isEqualTo(1);
            assertThat(count(workspace, "y")).isZero();
        }
    }

    @Test
    public void aFailingTestReportsItsFailingRows() {
        Path project = project("bad/failing_test");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            assertThat(summary.success()).isFalse();
            NodeResult failing = result(summary, "not_null_users_email");
            assertThat(failing.status()).isEqualTo(NodeStatus.FAIL);
            assertThat(failing.failures()).isEqualTo(3);
            assertThat(result(summary, "unique_users_id").status()).isEqualTo(NodeStatus.PASS);
            assertThat(result(summary, "not_null_users_id").status()).isEqualTo(NodeStatus.PASS);
            assertThat(failing.compiledPath()).isNotNull();
        }
    }

    @Test
    public void customSchemaAndAliasMacrosDecideWhereModelsLand() {
        Path project = project("custom_schema");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.RUN));
            assertThat(workspace.relationName("stg_things")).contains("staging").contains("a_stg_things");
            assertThat(workspace.relationName("reporting_things")).contains("reporting").contains("a_reporting_things");
            assertThat(text(scalar(workspace, "select thing_count from " + relation(workspace, "things_summary")))).isEqualTo("2");
            assertThat(text(scalar(workspace, "select thing_name from " + relation(workspace, "reporting_things")))).isEqualTo("gadget");
        }
    }

    /** Events that arrive after the first build: a new day, and late ones for the last two days. */
    private static final String NEW_AND_LATE_EVENTS = """
            3001,2024-03-15T09:00:00,10,s99001,view,
            3002,2024-03-15T09:05:00,10,s99001,purchase,20.00
            3003,2024-03-15T10:00:00,15,s99002,view,
            3004,2024-03-14T23:50:00,15,s99003,purchase,50.00
            3005,2024-03-13T12:00:00,18,s99004,view,
            """;
    /** A late event older than the model's window (two days before the last date). */
    private static final String TOO_LATE_EVENT = "3006,2024-03-10T08:00:00,10,s99005,purchase,7.00\n";

    /** The built sample project's catalog.json (docs generate's) has every relation and validates against dbt's schema. */
    private static void assertSampleCatalog(Workspace workspace) {
        io.smelt.compiler.catalog.CatalogGenerator.Result result = workspace.writeCatalog(null, false, workspace.targetPath(),
                io.smelt.compiler.result.RunListener.NONE);
        assertThat(result.errors()).isEmpty();
        assertThat(result.missing()).isEmpty();
        long relations = workspace.manifest().nodes().values().stream().filter(io.smelt.compiler.graph.Node::hasRelation).count();
        assertThat(result.nodes() + result.sources()).isEqualTo(relations).isPositive();
        com.fasterxml.jackson.databind.JsonNode catalog = io.smelt.compiler.artifact.TestingDbtSchemas.read(result.file());
        io.smelt.compiler.artifact.TestingDbtSchemas.assertValid(catalog, io.smelt.compiler.artifact.TestingDbtSchemas.CATALOG);
        assertThat(catalog.path("nodes").path("model.smelt_sample.user_metrics_daily").path("columns").path("event_count")
                .path("index").asInt()).isPositive();
    }

    /**
     * The sample project builds, builds again incrementally, and then takes new and late events: the
     * incremental build leaves user_metrics_daily with the same rows as a --full-refresh over all
     * events, as long as the late events fall within the model's window of recomputed days. One
     * older than that is not seen until a --full-refresh, which the test shows too.
     */
    @Test
    public void sampleProjectBuildsTwiceAndTheSecondBuildIsIncremental() {
        Path project = project("sample-project");
        String metrics = "select date, user_id, date_user_id, event_count, total_revenue, session_count from %s"
                + " order by date, user_id";
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(count(workspace, "raw_user_events")).isEqualTo(2986);
            assertThat(count(workspace, "silver_user_events")).isEqualTo(2960);
            assertThat(count(workspace, "user_metrics_daily")).isEqualTo(502);
            assertSampleCatalog(workspace);
            RunSummary second = run(workspace, Command.BUILD);
            assertSucceeded(second);
            assertThat(count(workspace, "user_metrics_daily")).isEqualTo(502);
            assertThat(Files.readString(project.resolve("target/run/smelt_sample/models/gold/user_metrics_daily.sql")))
                    .as("the second build reads only the last days' events into the existing table")
                    .contains("WHERE date >=").doesNotContainIgnoringCase("create or replace");

            Path events = project.resolve("seeds/raw_user_events.csv");
            Files.writeString(events, NEW_AND_LATE_EVENTS, java.nio.file.StandardOpenOption.APPEND);
            assertSucceeded(run(workspace, Command.BUILD));
            String table = relation(workspace, "user_metrics_daily");
            List<String> incremental = rows(workspace, String.format(metrics, table));
            assertThat(incremental).as("two users on the new day").hasSize(504)
                    .contains("2024-03-15|10|2024-03-15_10|2|20|1");
            assertSucceeded(run(workspace, Command.BUILD, true));
            List<String> refreshed = rows(workspace, String.format(metrics, table));
            assertThat(incremental).as("incremental build after new and late events = --full-refresh").isEqualTo(refreshed);

            Files.writeString(events, TOO_LATE_EVENT, java.nio.file.StandardOpenOption.APPEND);
            assertSucceeded(run(workspace, Command.BUILD));
            List<String> missed = rows(workspace, String.format(metrics, table));
            assertSucceeded(run(workspace, Command.BUILD, true));
            List<String> all = rows(workspace, String.format(metrics, table));
            List<String> differing = new ArrayList<>(all);
            differing.removeAll(missed);
            assertThat(differing).as("only the day outside the window differs until --full-refresh").hasSize(1)
                    .allMatch(row -> row.startsWith("2024-03-10|10|"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the features project's dispatched macro resolves to on this engine. */
    protected String dispatchedTo() {
        return "default";
    }

    private void assertMatchesCsv(Workspace workspace, String model, String orderBy, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String header = lines.get(0);
        List<String> expected = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                expected.add(String.join("|", java.util.Arrays.stream(line.split(",", -1)).map(BaseProjectTest::csvText).toList()));
            }
        }
        List<String> actual = rows(workspace, "select " + header + " from " + relation(workspace, model) + " order by " + orderBy);
        assertThat(actual).as(model).containsExactlyElementsOf(expected);
    }
}
