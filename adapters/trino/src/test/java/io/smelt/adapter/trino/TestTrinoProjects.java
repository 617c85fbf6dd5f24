package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseProjectContractTest;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project-level contract on the shared Trino server's Iceberg catalog (TrinoTestEngine: schemas
 * of each test's own, dropped afterwards), with Trino's own version of the sample-project test.
 */
class TestTrinoProjects extends BaseProjectContractTest {
    /**
     * The sample project's SQL is DuckDB's, not neutral: {@code CAST(date AS STRING)} (Trino has no
     * {@code STRING} type) and {@code TRY_CAST(event_time AS TIMESTAMP)} of ISO 8601 text such as
     * {@code 2024-03-01T00:17:23} (Trino's cast wants a space, so every row comes out null and silver
     * is empty). Until the project is made engine-neutral this pins down exactly that, so that the
     * suite's own test takes over as soon as it is.
     */
    @Override
    @Test
    public void sampleProjectBuildsTwiceAndTheSecondBuildIsIncremental() {
        Path project = project("sample-project");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            assertThat(count(workspace, "raw_user_events")).isEqualTo(2986);
            assertThat(count(workspace, "silver_user_events")).as("ISO 8601 'T' timestamps do not cast on Trino").isZero();
            // the model's unit tests run its SQL first and meet the same error, so the model is skipped
            for (String unitTest : List.of("user_metrics_daily_counts_events_revenue_and_sessions",
                    "user_metrics_daily_recomputes_the_last_days_incrementally")) {
                assertThat(result(summary, unitTest).message()).contains("Unknown type: STRING");
            }
            assertThat(result(summary, "user_metrics_daily").status()).isEqualTo(NodeStatus.SKIPPED);
            assertThat(summary.results()).filteredOn(r -> r.status() == NodeStatus.ERROR).extracting(r -> r.node().name())
                    .containsExactlyInAnyOrder("user_metrics_daily_counts_events_revenue_and_sessions",
                            "user_metrics_daily_recomputes_the_last_days_incrementally");
        }
    }

    @Test
    public void anEngineErrorNamesTheCompiledLineAndTheQueryId() throws java.io.IOException {
        Path project = project("jaffle_shop");
        java.nio.file.Files.writeString(project.resolve("models/broken.sql"),
                "select\n  id,\n  no_such_column\nfrom {{ ref('raw_orders') }}\n");
        try (Workspace workspace = load(project)) {
            assertThat(run(workspace, Command.SEED).success()).isTrue();
            workspace.withSqlCheck(false);   // the engine, not the SQL check, is to refuse the model
            RunSummary summary = run(workspace, Command.RUN, "broken");
            String message = result(summary, "broken").message();
            assertThat(message).contains("Runtime Error in model broken (models/broken.sql)")
                    .contains("no_such_column")
                    .contains("at target/compiled/jaffle_shop/models/broken.sql:3:3")
                    .containsPattern("query id: \\d{8}_\\d{6}_\\d+_\\w+");
        }
    }

}
