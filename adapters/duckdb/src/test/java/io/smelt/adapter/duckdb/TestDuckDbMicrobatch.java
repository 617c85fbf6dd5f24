package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseMicrobatchTest;

import java.nio.file.Path;
import java.util.Map;

/** The microbatch contract on embedded DuckDB. */
class TestDuckDbMicrobatch extends BaseMicrobatchTest {
    @Override
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        return Map.of("type", "duckdb", "path", workDir.resolve("test.duckdb").toString(), "schema", schema, "threads", 4);
    }
}
