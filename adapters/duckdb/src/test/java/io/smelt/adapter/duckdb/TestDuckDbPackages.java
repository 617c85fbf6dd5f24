package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BasePackagesContractTest;

/** The packages contract on DuckDb (DuckDbTestEngine). */
class TestDuckDbPackages extends BasePackagesContractTest {
}
