package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseSnapshotContractTest;

/** The snapshot contract on the shared Trino server's Iceberg catalog (TrinoTestEngine). */
class TestTrinoSnapshots extends BaseSnapshotContractTest {
}
