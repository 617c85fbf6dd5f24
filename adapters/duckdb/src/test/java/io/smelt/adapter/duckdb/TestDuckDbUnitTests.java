package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseUnitTestContractTest;

/** The unit test contract on DuckDb (DuckDbTestEngine). */
class TestDuckDbUnitTests extends BaseUnitTestContractTest {
}
