package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseTestConfigContractTest;

/** The generic test config contract on Spark (SparkTestEngine). */
class TestSparkTestConfigs extends BaseTestConfigContractTest {
}
