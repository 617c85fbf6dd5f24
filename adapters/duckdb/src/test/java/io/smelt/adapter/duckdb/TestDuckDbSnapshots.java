package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseSnapshotContractTest;

/** The snapshot contract on embedded DuckDB (DuckDbTestEngine). */
class TestDuckDbSnapshots extends BaseSnapshotContractTest {
}
