package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseProjectTest;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adapter.create_schema}, {@code rename_relation} and {@code drop_relation} called by a template
 * (fixture {@code relation_ops}): each changes the warehouse and the relation cache alike, so
 * {@code adapter.get_relation} right after sees what the catalog sees, and a renamed view stays a view.
 */
class TestDuckDbRelationOps extends BaseProjectTest {
    @ParameterizedTest
    @ValueSource(strings = {"table", "view"})
    void templateRelationCallsKeepTheCacheInStepWithTheCatalog(String kind) {
        Path project = project("adapters/duckdb/src/test/resources/projects/relation_ops");
        String schema = schema() + "_" + kind;
        try (Workspace workspace = load(project)) {
            Object seen = workspace.runOperation("relation_ops", Map.of("schema_name", schema, "kind", kind),
                    RunListener.NONE);

            assertThat(seen).hasToString("t1:" + kind + " t2:none | t1:none t2:" + kind + " | t1:none t2:none");
            String database = String.valueOf(scalar(workspace, "select current_database()"));
            assertThat(kind(workspace, database, schema, "t1")).isEmpty();
            assertThat(kind(workspace, database, schema, "t2")).isEmpty();
            assertThat(rows(workspace, "select count(*) from information_schema.schemata where schema_name = '"
                    + schema + "'")).containsExactly("1");
        }
    }
}
