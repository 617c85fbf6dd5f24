package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseCatalogContractTest;

import java.util.Set;

/** catalog.json and persist_docs on Spark with Delta: comments but on a view's columns, size and files as stats. */
class TestSparkCatalog extends BaseCatalogContractTest {
    @Override
    protected boolean viewColumnComments() {
        return false;
    }

    @Override
    protected Set<String> tableStats() {
        return Set.of("bytes", "num_files");
    }
}
