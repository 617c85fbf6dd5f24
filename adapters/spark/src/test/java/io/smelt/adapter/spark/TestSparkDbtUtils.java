package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseDbtUtilsContractTest;

/** The built-in dbt_utils contract on Spark (SparkTestEngine). */
class TestSparkDbtUtils extends BaseDbtUtilsContractTest {
}
