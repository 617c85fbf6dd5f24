package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseProjectContractTest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The project-level contract on embedded DuckDB, one database file per test. */
class TestDuckDbProjects extends BaseProjectContractTest {
    @Override
    protected Map<String, Object> targetFields(Path workDir, String schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "duckdb");
        fields.put("path", workDir.resolve("test.duckdb").toString());
        fields.put("schema", schema);
        fields.put("threads", 4);
        return fields;
    }

    @Override
    protected String dispatchedTo() {
        return "duckdb";
    }
}
