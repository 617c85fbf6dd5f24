package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseDbtUtilsContractTest;

/** The built-in dbt_utils contract on Trino (TrinoTestEngine). */
class TestTrinoDbtUtils extends BaseDbtUtilsContractTest {
}
