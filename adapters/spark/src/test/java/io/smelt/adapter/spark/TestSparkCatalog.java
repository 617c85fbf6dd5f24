package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseCatalogContractTest;

import java.util.Set;

/** catalog.json and persist_docs on Spark with Delta: comments (a view's columns' in its create view), size and files as stats. */
class TestSparkCatalog extends BaseCatalogContractTest {
    @Override
    protected Set<String> tableStats() {
        return Set.of("bytes", "num_files");
    }
}
