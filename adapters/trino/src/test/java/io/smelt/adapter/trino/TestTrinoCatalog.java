package io.smelt.adapter.trino;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.testing.BaseCatalogContractTest;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.catalog.CatalogGenerator;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** catalog.json and persist_docs on Trino's Iceberg catalog: comments, and row count and size from the current snapshot. */
class TestTrinoCatalog extends BaseCatalogContractTest {
    @Override
    protected Set<String> tableStats() {
        return Set.of("row_count", "bytes");
    }

    /** The compiler's default__get_catalog, on the standard information schema Trino has. */
    @Test
    void theDefaultCatalogQueryReadsTheInformationSchema() {
        Path project = project("catalog");
        write(project.resolve("macros/default_catalog.sql"), """
                {% macro trino__get_catalog(information_schema, schemas) -%}
                  {{ return(dbt.default__get_catalog(information_schema, schemas)) }}
                {%- endmacro %}
                """);
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.SEED));
            assertSucceeded(run(workspace, Command.RUN, "people_table"));
            CatalogGenerator.Result result = workspace.writeCatalog(null, false, workspace.targetPath(), RunListener.NONE);
            assertThat(result.errors()).isEmpty();
            JsonNode catalog = TestingDbtSchemas.read(result.file());
            TestingDbtSchemas.assertValid(catalog, TestingDbtSchemas.CATALOG);
            JsonNode table = catalog.path("nodes").path("model.catalog.people_table");
            List<String> columns = new ArrayList<>();
            table.path("columns").fieldNames().forEachRemaining(columns::add);
            assertThat(columns).containsExactly("id", "name", "city");
            assertThat(table.path("metadata").path("type").asText()).isEqualTo("BASE TABLE");
            assertThat(table.path("metadata").path("comment").isNull()).as("the standard information schema has no comments").isTrue();
            assertThat(catalog.path("sources").has("source.catalog.raw.people")).isTrue();
        }
    }
}
