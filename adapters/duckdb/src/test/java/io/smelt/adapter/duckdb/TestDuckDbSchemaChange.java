package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseSchemaChangeContractTest;

/** Incremental models on the schema_change fixture, on embedded DuckDB (DuckDbTestEngine). */
class TestDuckDbSchemaChange extends BaseSchemaChangeContractTest {
}
