package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseStoreFailuresContractTest;

/** Data tests that store their failing rows, on DuckDB (DuckDbTestEngine). */
class TestDuckDbStoreFailures extends BaseStoreFailuresContractTest {
}
