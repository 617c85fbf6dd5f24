package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseProjectContractTest;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The project-level contract on the shared Spark Thrift server (SparkTestEngine: schemas of each test's own). */
class TestSparkProjects extends BaseProjectContractTest {
    /** The suite's test, then: the gold table is a Delta table stored in one folder per date. */
    @Override
    @Test
    public void sampleProjectBuildsTwiceAndTheSecondBuildIsIncremental() {
        super.sampleProjectBuildsTwiceAndTheSecondBuildIsIncremental();
        try (Workspace workspace = load(tempDir.resolve("sample-project"))) {
            String table = relation(workspace, "user_metrics_daily");
            assertThat(column(workspace, "describe detail " + table, "format")).containsExactly("delta");
            assertThat(column(workspace, "describe detail " + table, "partitionColumns")).containsExactly("[\"date\"]");
            assertThat(column(workspace, "describe detail " + table, "numFiles")).as("one file per date, the new day included").containsExactly("15");
        }
    }
}
