package io.smelt.adapter.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.testing.BaseCatalogContractTest;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.catalog.CatalogGenerator;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** catalog.json and persist_docs on DuckDB: comments everywhere, the estimated row count as a stat. */
class TestDuckDbCatalog extends BaseCatalogContractTest {
    @Override
    protected Set<String> tableStats() {
        return Set.of("row_count");
    }

    @Test
    void sampleProjectCatalogIsValid() {
        try (Workspace workspace = load(project("sample-project"))) {
            assertSucceeded(run(workspace, Command.BUILD));
            CatalogGenerator.Result result = workspace.writeCatalog(null, false, workspace.targetPath(), RunListener.NONE);
            assertThat(result.errors()).isEmpty();
            assertThat(result.missing()).isEmpty();
            long relations = workspace.manifest().nodes().values().stream().filter(Node::hasRelation).count();
            assertThat(result.nodes() + result.sources()).isEqualTo(relations).isPositive();
            JsonNode catalog = TestingDbtSchemas.read(result.file());
            TestingDbtSchemas.assertValid(catalog, TestingDbtSchemas.CATALOG);
            assertThat(catalog.path("nodes").path("model.smelt_sample.user_metrics_daily").path("columns").path("event_count")
                    .path("index").asInt()).isPositive();
        }
    }
}
