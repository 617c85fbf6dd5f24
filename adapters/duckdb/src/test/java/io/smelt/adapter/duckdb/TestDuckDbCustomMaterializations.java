package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseCustomMaterializationContractTest;

/** The custom materialization contract on DuckDB (DuckDbTestEngine). */
class TestDuckDbCustomMaterializations extends BaseCustomMaterializationContractTest {
}
