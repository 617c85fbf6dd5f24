package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseDuckDbEquivalenceTest;

/** The jaffle-shop and strategies fixtures on Spark (Delta) and on DuckDB: equal tables, row for row. */
class TestSparkDuckDbEquivalence extends BaseDuckDbEquivalenceTest {
}
