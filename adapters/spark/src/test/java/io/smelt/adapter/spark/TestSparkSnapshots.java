package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseSnapshotContractTest;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The snapshot contract on the shared Spark Thrift server (Delta tables), each test in a schema of its own. */
class TestSparkSnapshots extends BaseSnapshotContractTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String schema = "smelt_s" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();

    @Override
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        return TestSparkProjects.projectFields(schema);
    }

    @Override
    protected String schema() {
        return schema;
    }

    @AfterEach
    void dropSchemas() {
        TestSparkProjects.dropSchemasLike(tempDir, schema);
    }
}
