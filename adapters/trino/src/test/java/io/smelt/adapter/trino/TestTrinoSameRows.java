package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseSameRowsContractTest;

/** The sample project and jaffle_shop on Trino: the same row hashes as on every engine. */
class TestTrinoSameRows extends BaseSameRowsContractTest {
}
