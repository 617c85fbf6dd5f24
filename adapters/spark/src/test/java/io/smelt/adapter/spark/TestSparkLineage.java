package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseLineageContractTest;

/** Column lineage in Spark's dialect (SparkTestEngine). */
class TestSparkLineage extends BaseLineageContractTest {
}
