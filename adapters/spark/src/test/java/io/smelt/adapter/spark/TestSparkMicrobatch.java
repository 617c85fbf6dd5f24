package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseMicrobatchTest;

/** The microbatch contract on the shared Spark Thrift server (SparkTestEngine). */
class TestSparkMicrobatch extends BaseMicrobatchTest {
}
