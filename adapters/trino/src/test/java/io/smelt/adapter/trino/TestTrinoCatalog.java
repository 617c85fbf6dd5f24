package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseCatalogContractTest;

import java.util.Set;

/** catalog.json and persist_docs on Trino's Iceberg catalog: comments, and row count and size from the current snapshot. */
class TestTrinoCatalog extends BaseCatalogContractTest {
    @Override
    protected Set<String> tableStats() {
        return Set.of("row_count", "bytes");
    }
}
