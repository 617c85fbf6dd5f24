package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseDeferContractTest;

/** The deferral and clone contract on embedded DuckDB (DuckDbTestEngine). */
class TestDuckDbDefer extends BaseDeferContractTest {
}
