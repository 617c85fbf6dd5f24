package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseGlobalMacrosContractTest;

/** dbt's global macros on DuckDB (DuckDbTestEngine). */
class TestDuckDbGlobalMacros extends BaseGlobalMacrosContractTest {
}
