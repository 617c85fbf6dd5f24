package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseUnitTestContractTest;

/** The unit test contract on Spark (SparkTestEngine). */
class TestSparkUnitTests extends BaseUnitTestContractTest {
}
