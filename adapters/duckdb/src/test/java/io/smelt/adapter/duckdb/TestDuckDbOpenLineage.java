package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseOpenLineageContractTest;

/** OpenLineage events of a build on DuckDB (DuckDbTestEngine). */
class TestDuckDbOpenLineage extends BaseOpenLineageContractTest {
}
