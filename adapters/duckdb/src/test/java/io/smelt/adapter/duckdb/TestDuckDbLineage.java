package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseLineageContractTest;

/** Column lineage in DuckDB's dialect (DuckDbTestEngine). */
class TestDuckDbLineage extends BaseLineageContractTest {
}
