package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseDuckDbEquivalenceTest;

/** The jaffle-shop and strategies fixtures on Trino (Iceberg) and on DuckDB: equal tables, row for row. */
class TestTrinoDuckDbEquivalence extends BaseDuckDbEquivalenceTest {
}
