package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseSqlCheckContractTest;

/** The SQL check contract on DuckDb. */
class TestDuckDbSqlCheck extends BaseSqlCheckContractTest {
}
