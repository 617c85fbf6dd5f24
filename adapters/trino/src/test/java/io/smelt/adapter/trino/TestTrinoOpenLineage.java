package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseOpenLineageContractTest;

/** OpenLineage events of a build on Trino (TrinoTestEngine). */
class TestTrinoOpenLineage extends BaseOpenLineageContractTest {
}
