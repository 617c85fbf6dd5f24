package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseProjectContractTest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The project-level contract on embedded DuckDB, one database file per test. */
class TestDuckDbProjects extends BaseProjectContractTest {
    @Override
    protected String dispatchedTo() {
        return "duckdb";
    }
}
