package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseGlobalMacrosContractTest;

/** dbt's global macros on Spark (SparkTestEngine). */
class TestSparkGlobalMacros extends BaseGlobalMacrosContractTest {
}
