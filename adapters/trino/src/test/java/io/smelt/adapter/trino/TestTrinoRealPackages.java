package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseRealPackagesContractTest;

/** The real packages on Trino (TrinoTestEngine); opt-in, see bench/real-packages.sh. */
class TestTrinoRealPackages extends BaseRealPackagesContractTest {
}
