package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.TestEngine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The project suites on embedded DuckDB: one database file in each test's own folder. */
public final class DuckDbTestEngine implements TestEngine {
    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public Map<String, Object> targetFields(Path workDir, String schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "duckdb");
        fields.put("path", workDir.resolve("test.duckdb").toString());
        fields.put("schema", schema);
        fields.put("threads", 4);
        return fields;
    }
}
