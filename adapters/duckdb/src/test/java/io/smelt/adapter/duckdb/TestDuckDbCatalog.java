package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseCatalogContractTest;

import java.util.Set;

/**
 * catalog.json and persist_docs on DuckDB: comments everywhere, the estimated row count as a stat (the sample
 * project's catalog is checked by BaseProjectContractTest on every engine).
 */
class TestDuckDbCatalog extends BaseCatalogContractTest {
    @Override
    protected Set<String> tableStats() {
        return Set.of("row_count");
    }
}
