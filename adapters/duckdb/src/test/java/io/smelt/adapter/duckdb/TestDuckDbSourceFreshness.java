package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseSourceFreshnessContractTest;

/** The source freshness contract on embedded DuckDB (DuckDbTestEngine). */
class TestDuckDbSourceFreshness extends BaseSourceFreshnessContractTest {
}
