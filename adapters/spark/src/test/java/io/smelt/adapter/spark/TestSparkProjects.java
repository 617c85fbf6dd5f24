package io.smelt.adapter.spark;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;
import io.smelt.adapter.testing.BaseProjectContractTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.smelt.compiler.run.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The project-level contract on the shared Spark Thrift server, each test in schemas of its own. */
class TestSparkProjects extends BaseProjectContractTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String schema = "smelt_p" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();

    @Override
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        return projectFields(schema);
    }

    /** Models say USING delta themselves; the suite's profile writer takes flat fields only. */
    static Map<String, Object> projectFields(String schema) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(TestSparkAdapter.fields(schema));
        fields.remove("server_side_parameters");
        return fields;
    }

    @Override
    protected String schema() {
        return schema;
    }

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

    @AfterEach
    void dropSchemas() {
        dropSchemasLike(tempDir, schema);
    }

    /** Drops the schema and the ones derived from it ({@code <schema>_raw}, ...), as far as it can. */
    static void dropSchemasLike(Path projectDir, String schema) {
        try (Adapter adapter = new SparkAdapterFactory().create(TestSparkAdapter.target(projectDir, TestSparkAdapter.fields(schema)));
                Session session = adapter.openSession()) {
            List<List<Object>> schemas = session.execute("SHOW SCHEMAS LIKE '" + schema + "*'", true, -1).rows();
            for (List<Object> row : schemas) {
                session.execute("DROP SCHEMA IF EXISTS " + adapter.quote(row.get(0).toString()) + " CASCADE");
            }
        }
        catch (RuntimeException e) {
            // best effort: the server's warehouse is deleted with it
        }
    }
}
