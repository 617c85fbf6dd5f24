package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseDuckDbEquivalenceTest;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;

/** The jaffle-shop fixture on Trino (Iceberg) and on DuckDB: equal tables, row for row. */
class TestTrinoDuckDbEquivalence extends BaseDuckDbEquivalenceTest {
    private final String schema = "smelt_eq" + ProcessHandle.current().pid() % 10000;

    @Override
    protected String engine() {
        return "Trino";
    }

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
