package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseTestConfigContractTest;

/** The generic test config contract on Trino (TrinoTestEngine). */
class TestTrinoTestConfigs extends BaseTestConfigContractTest {
}
