package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseRealPackagesContractTest;

/** The real packages on Spark (SparkTestEngine); opt-in, see bench/real-packages.sh. */
class TestSparkRealPackages extends BaseRealPackagesContractTest {
}
