package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BasePackagesContractTest;

/** The packages contract on Spark (SparkTestEngine). */
class TestSparkPackages extends BasePackagesContractTest {
}
