package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseSnapshotContractTest;

/** The snapshot contract on the shared Spark Thrift server, Delta tables (SparkTestEngine). */
class TestSparkSnapshots extends BaseSnapshotContractTest {
}
