package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseMicrobatchTest;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The microbatch contract on the shared Trino server's Iceberg catalog, one schema per test. */
class TestTrinoMicrobatch extends BaseMicrobatchTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String schema = "smelt_mb" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();

    @Override
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        return TestTrinoProjects.fields(schema);
    }

    @Override
    protected String schema() {
        return schema;
    }

    @AfterEach
    void dropSchemas() {
        TestTrinoProjects.dropSchemasLike(tempDir, schema);
    }
}
