package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.state.StateOptions;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --defer}, {@code --favor-state} and {@code clone} on a real engine, through the deferral
 * fixture: "production" is built into the test's schema and its target/ kept as the state; a pull
 * request then builds into a second schema. Every model writes the label it was built with
 * ({@code prod} or {@code pr}), so rows read back show which relation each ref read.
 */
public abstract class BaseDeferContractTest extends BaseProjectTest {
    private static final String PR = "{label: pr}";

    /** The pull request's schema, derived from the test's so that it is dropped with it. */
    protected String prSchema() {
        return schema() + "_pr";
    }

    /** Builds production from the fixture and returns a copy of its target/ (the state). */
    protected Path production() {
        Path project = TestingProjects.copy("deferral", tempDir.resolve("prod"), targetFields(tempDir, schema()));
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
        }
        Path state = tempDir.resolve("prod-state");
        try {
            Files.createDirectories(state);
            Files.copy(project.resolve("target/manifest.json"), state.resolve("manifest.json"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    /** The same project, building into {@link #prSchema}. */
    protected Path pullRequest() {
        return TestingProjects.copy("deferral", tempDir.resolve("pr"), targetFields(tempDir, prSchema()));
    }

    protected Workspace deferring(Path project, String vars, StateOptions state) {
        Workspace workspace = load(project, vars, Map.of());
        workspace.withState(state);
        return workspace;
    }

    protected static StateOptions defer(Path state) {
        return new StateOptions(state, null, true, false);
    }

    protected static StateOptions favorState(Path state) {
        return new StateOptions(state, null, true, true);
    }

    protected List<String> rowsOf(Workspace workspace, String model, String columns) {
        return rows(workspace, "select " + columns + " from " + relation(workspace, model) + " order by id");
    }

    @Test
    public void aDeferredRefReadsProductionsRelationWhenThisTargetHasNone() {
        Path state = production();
        Path pr = pullRequest();
        try (Workspace workspace = load(pr, PR, Map.of())) {
            RunSummary alone = run(workspace, Command.RUN, "orders");
            assertThat(result(alone, "orders").status()).as("without --defer stg_orders is read from the empty schema")
                    .isEqualTo(NodeStatus.ERROR);
        }
        try (Workspace workspace = deferring(pr, PR, defer(state))) {
            assertSucceeded(run(workspace, Command.RUN, "orders"));
            assertThat(rowsOf(workspace, "orders", "id, amount, built_in, orders_built_in"))
                    .containsExactly("1|10|prod|pr", "2|20|prod|pr", "3|30|prod|pr");
            assertThat(kind(workspace, database(workspace, "stg_orders"), prSchema(), "stg_orders")).isEmpty();
        }
        JsonNode manifest = TestingDbtSchemas.read(pr.resolve("target/manifest.json"));
        TestingDbtSchemas.assertValid(manifest, TestingDbtSchemas.MANIFEST);
        JsonNode deferred = manifest.path("nodes").path("model.deferral.stg_orders").path("defer_relation");
        assertThat(deferred.path("schema").asText()).isEqualTo(schema());
        assertThat(deferred.path("alias").asText()).isEqualTo("stg_orders");
        assertThat(deferred.path("resource_type").asText()).isEqualTo("model");
        assertThat(manifest.path("nodes").path("seed.deferral.raw_orders").path("defer_relation").path("compiled_code").isNull()).isTrue();
    }

    @Test
    public void aDeferredSeedAndTestsReadProductionToo() {
        Path state = production();
        Path pr = pullRequest();
        try (Workspace workspace = deferring(pr, PR, defer(state))) {
            assertSucceeded(run(workspace, Command.RUN, "stg_orders"));
            assertThat(rowsOf(workspace, "stg_orders", "id, built_in")).containsExactly("1|pr", "2|pr", "3|pr");
        }
        Path fresh = TestingProjects.copy("deferral", tempDir.resolve("tests-only"), targetFields(tempDir, schema() + "_tests"));
        try (Workspace workspace = load(fresh, PR, Map.of())) {
            RunSummary undeferred = run(workspace, Command.TEST, "stg_orders");
            assertThat(undeferred.results()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(NodeStatus.ERROR));
        }
        try (Workspace workspace = deferring(fresh, PR, defer(state))) {
            RunSummary tests = run(workspace, Command.TEST, "stg_orders");
            assertThat(tests.results()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(NodeStatus.PASS));
        }
    }

    @Test
    public void aUnitTestTakesTheColumnsOfAnInputThisTargetLacksFromProduction() {
        Path state = production();
        Path pr = pullRequest();
        try (Workspace workspace = load(pr, PR, Map.of())) {
            RunSummary alone = run(workspace, Command.TEST, "test_type:unit");
            assertThat(result(alone, "orders_from_no_rows").status()).as("stg_orders has no relation in this target")
                    .isEqualTo(NodeStatus.ERROR);
        }
        try (Workspace workspace = deferring(pr, PR, defer(state))) {
            RunSummary deferred = run(workspace, Command.TEST, "test_type:unit");
            assertThat(result(deferred, "orders_from_no_rows").status()).isEqualTo(NodeStatus.PASS);
        }
    }

    @Test
    public void favorStateReadsProductionEvenWhereThisTargetHasTheRelationButNotForSelectedNodes() {
        Path state = production();
        Path pr = pullRequest();
        try (Workspace workspace = deferring(pr, PR, defer(state))) {
            assertSucceeded(run(workspace, Command.RUN, "stg_orders"));
            assertSucceeded(run(workspace, Command.RUN, "orders"));
            assertThat(rowsOf(workspace, "orders", "built_in")).as("this target's stg_orders exists").containsOnly("pr");
        }
        try (Workspace workspace = deferring(pr, PR, favorState(state))) {
            assertSucceeded(run(workspace, Command.RUN, "orders"));
            assertThat(rowsOf(workspace, "orders", "built_in")).containsOnly("prod");
            assertSucceeded(run(workspace, Command.RUN, "stg_orders", "orders"));
            assertThat(rowsOf(workspace, "orders", "built_in")).as("a selected node is read from this target").containsOnly("pr");
        }
    }

    @Test
    public void aNodeTheStateLacksIsReadFromThisTarget() {
        Path state = production();
        Path pr = pullRequest();
        String vars = "{label: pr, with_new: true}";
        List<String> debug = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void message(Level level, String text) {
                if (level == Level.DEBUG) {
                    debug.add(text);
                }
            }
        };
        try (Workspace workspace = deferring(pr, vars, favorState(state))) {
            assertSucceeded(run(workspace, Command.RUN, "new_model"));
            RunSummary summary = workspace.execute(new Invocation(Command.RUN, new Selection(List.of("uses_new"), List.of(), null),
                    false, false), listener);
            assertSucceeded(summary);
            assertThat(rowsOf(workspace, "uses_new", "id, new_built_in, built_in")).containsExactly("1|pr|prod", "2|pr|prod", "3|pr|prod");
        }
        assertThat(debug).anySatisfy(line -> assertThat(line).contains("model.deferral.new_model is not in")
                .contains(state.resolve("manifest.json").toString()));
    }

    /**
     * What {@code clone} makes of a production table that is not incremental: a view over it on
     * engines that cannot clone tables, a clone where they can.
     */
    protected RelationType clonedTableKind() {
        return RelationType.VIEW;
    }

    /** Engine-specific checks of a cloned table (Spark: a Delta clone). */
    protected void assertClonedTable(Workspace workspace, String relationName) {
    }

    @Test
    public void cloneCreatesThisTargetsRelationsFromProductionsAndKeepsExistingOnesUnlessFullRefresh() {
        Path state = production();
        Path pr = pullRequest();
        try (Workspace workspace = deferring(pr, PR, defer(state))) {
            assertSucceeded(run(workspace, Command.RUN, "stg_orders"));
        }
        try (Workspace workspace = deferring(pr, PR, new StateOptions(state, null, false, false))) {
            RunSummary clone = run(workspace, Command.CLONE);
            assertSucceeded(clone);
            assertThat(names(clone)).containsExactlyInAnyOrder("raw_orders=SUCCESS", "stg_orders=SUCCESS", "orders=SUCCESS",
                    "orders_incremental=SUCCESS", "orders_snapshot=SUCCESS");
            assertThat(result(clone, "stg_orders").message()).startsWith("No-op");
            assertThat(rowsOf(workspace, "stg_orders", "built_in")).as("kept").containsOnly("pr");
            assertThat(rowsOf(workspace, "orders", "id, built_in, orders_built_in"))
                    .containsExactly("1|prod|prod", "2|prod|prod", "3|prod|prod");
            assertThat(rowsOf(workspace, "orders_incremental", "id, built_in")).containsExactly("1|prod", "2|prod", "3|prod");
            assertThat(rowsOf(workspace, "orders_snapshot", "id, amount")).containsExactly("1|10", "2|20", "3|30");
            assertThat(count(workspace, "raw_orders")).isEqualTo(3);
            String database = database(workspace, "orders");
            assertThat(kind(workspace, database, prSchema(), "orders")).contains(clonedTableKind());
            // an incremental model and a snapshot add to their table on their next run, so they are tables
            assertThat(kind(workspace, database, prSchema(), "orders_incremental")).contains(RelationType.TABLE);
            assertThat(kind(workspace, database, prSchema(), "orders_snapshot")).contains(RelationType.TABLE);
            if (clonedTableKind() == RelationType.TABLE) {
                assertClonedTable(workspace, relation(workspace, "orders"));
            }
            // the cloned incremental model is built on, not rebuilt from this target's stg_orders
            assertSucceeded(run(workspace, Command.RUN, "orders_incremental"));
            assertThat(rowsOf(workspace, "orders_incremental", "id, built_in")).containsExactly("1|prod", "2|prod", "3|prod");
        }
        try (Workspace workspace = deferring(pr, PR, new StateOptions(state, null, false, false))) {
            assertSucceeded(run(workspace, Command.CLONE, true, "stg_orders"));
            assertThat(rowsOf(workspace, "stg_orders", "built_in")).as("--full-refresh replaces it").containsOnly("prod");
        }
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(pr.resolve("target/manifest.json")), TestingDbtSchemas.MANIFEST);
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(pr.resolve("target/run_results.json")), TestingDbtSchemas.RUN_RESULTS);
    }
}
