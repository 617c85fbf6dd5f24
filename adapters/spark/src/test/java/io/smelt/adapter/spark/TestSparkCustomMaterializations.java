package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseCustomMaterializationContractTest;

/** The custom materialization contract on Spark (SparkTestEngine). */
class TestSparkCustomMaterializations extends BaseCustomMaterializationContractTest {
}
