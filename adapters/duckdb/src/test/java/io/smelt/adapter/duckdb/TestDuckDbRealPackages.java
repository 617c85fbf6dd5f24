package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseRealPackagesContractTest;

/** The real packages on DuckDB (DuckDbTestEngine); opt-in, see bench/real-packages.sh. */
class TestDuckDbRealPackages extends BaseRealPackagesContractTest {
}
