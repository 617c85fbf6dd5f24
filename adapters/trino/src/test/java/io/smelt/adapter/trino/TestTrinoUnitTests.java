package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseUnitTestContractTest;

/** The unit test contract on Trino (TrinoTestEngine). */
class TestTrinoUnitTests extends BaseUnitTestContractTest {
}
