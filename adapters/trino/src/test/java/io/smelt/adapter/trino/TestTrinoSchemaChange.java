package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseSchemaChangeContractTest;

/** Incremental models on the schema_change fixture, on the shared Trino server's Iceberg catalog (TrinoTestEngine). */
class TestTrinoSchemaChange extends BaseSchemaChangeContractTest {
}
