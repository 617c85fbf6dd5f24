package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseStoreFailuresContractTest;

/** Data tests that store their failing rows, on Trino (TrinoTestEngine). */
class TestTrinoStoreFailures extends BaseStoreFailuresContractTest {
}
