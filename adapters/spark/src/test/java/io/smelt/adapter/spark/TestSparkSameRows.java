package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseSameRowsContractTest;

/** The sample project and jaffle_shop on Spark: the same row hashes as on every engine. */
class TestSparkSameRows extends BaseSameRowsContractTest {
}
