package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseSnapshotContractTest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The snapshot contract on embedded DuckDB, one database file per test. */
class TestDuckDbSnapshots extends BaseSnapshotContractTest {
    @Override
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "duckdb");
        fields.put("path", workDir.resolve("test.duckdb").toString());
        fields.put("schema", schema);
        return fields;
    }
}
