package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseDeferContractTest;

/** The deferral and clone contract on the shared Trino server's Iceberg catalog (TrinoTestEngine). */
class TestTrinoDefer extends BaseDeferContractTest {
}
