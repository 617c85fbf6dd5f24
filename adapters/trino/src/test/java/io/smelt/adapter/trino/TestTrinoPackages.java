package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BasePackagesContractTest;

/** The packages contract on Trino (TrinoTestEngine). */
class TestTrinoPackages extends BasePackagesContractTest {
}
