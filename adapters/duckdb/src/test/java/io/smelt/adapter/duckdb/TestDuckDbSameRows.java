package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseSameRowsContractTest;

/** The sample project and jaffle_shop on DuckDb: the same row hashes as on every engine. */
class TestDuckDbSameRows extends BaseSameRowsContractTest {
}
