package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseDbtUtilsContractTest;

/** The built-in dbt_utils contract on DuckDB (DuckDbTestEngine). */
class TestDuckDbDbtUtils extends BaseDbtUtilsContractTest {
}
