package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseGlobalMacrosContractTest;

/** dbt's global macros on Trino (TrinoTestEngine). */
class TestTrinoGlobalMacros extends BaseGlobalMacrosContractTest {
}
