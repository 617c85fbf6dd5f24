package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseSqlCheckContractTest;

/** The SQL check contract on Spark. */
class TestSparkSqlCheck extends BaseSqlCheckContractTest {
}
