package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseSchemaChangeContractTest;

/** Incremental models on the schema_change fixture, on the shared Spark Thrift server (SparkTestEngine). */
class TestSparkSchemaChange extends BaseSchemaChangeContractTest {
}
