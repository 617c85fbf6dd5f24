package io.smelt.adapter.spark;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;
import io.smelt.adapter.testing.BaseProjectContractTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;

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

    @AfterEach
    void dropSchemas() {
        try (Adapter adapter = new SparkAdapterFactory().create(TestSparkAdapter.target(tempDir, TestSparkAdapter.fields(schema)));
                Session session = adapter.openSession()) {
            List<List<Object>> schemas = session.execute("SHOW SCHEMAS LIKE '" + schema + "*'", true, -1).rows();
            for (List<Object> row : schemas) {
                session.execute("DROP SCHEMA IF EXISTS " + adapter.quote(row.get(0).toString()) + " CASCADE");
            }
        }
        catch (RuntimeException e) {
            // best effort
        }
    }
}
