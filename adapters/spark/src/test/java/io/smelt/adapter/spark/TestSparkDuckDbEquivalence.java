package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseDuckDbEquivalenceTest;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;

/** The jaffle-shop fixture on Spark (Delta) and on DuckDB: equal tables, row for row. */
class TestSparkDuckDbEquivalence extends BaseDuckDbEquivalenceTest {
    private final String schema = "smelt_eq" + ProcessHandle.current().pid() % 10000;

    @Override
    protected String engine() {
        return "Spark";
    }

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
