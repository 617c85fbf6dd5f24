package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseStoreFailuresContractTest;

/** Data tests that store their failing rows, on Spark (SparkTestEngine). */
class TestSparkStoreFailures extends BaseStoreFailuresContractTest {
}
