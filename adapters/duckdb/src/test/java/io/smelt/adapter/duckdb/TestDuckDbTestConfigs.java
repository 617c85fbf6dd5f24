package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseTestConfigContractTest;

/** The generic test config contract on DuckDb (DuckDbTestEngine). */
class TestDuckDbTestConfigs extends BaseTestConfigContractTest {
}
