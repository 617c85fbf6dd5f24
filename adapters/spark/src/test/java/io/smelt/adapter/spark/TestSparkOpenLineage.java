package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseOpenLineageContractTest;

/** OpenLineage events of a build on Spark (SparkTestEngine). */
class TestSparkOpenLineage extends BaseOpenLineageContractTest {
}
