package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseLineageContractTest;

/** Column lineage in Trino's dialect (TrinoTestEngine). */
class TestTrinoLineage extends BaseLineageContractTest {
}
