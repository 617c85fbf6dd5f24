package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseMicrobatchTest;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The microbatch contract on the shared Spark Thrift server with Delta tables, one schema per test. */
class TestSparkMicrobatch extends BaseMicrobatchTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String schema = "smelt_mb" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();

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
