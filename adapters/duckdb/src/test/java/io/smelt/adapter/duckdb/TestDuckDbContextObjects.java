package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseProjectTest;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's context objects as models read them (fixture {@code context_objects}): a {@code run_query} table
 * through agate's methods, the manifest keys of {@code graph}, {@code api.Relation.create} with parts left
 * out, and Jinja2's whitespace around a trimmed comment; each model writes what it saw into its table.
 */
class TestDuckDbContextObjects extends BaseProjectTest {
    @Test
    void modelsSeeContextObjectsAsDbtHandsThemOver() {
        Path project = project("context_objects");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(rows(workspace, "select columns_items, column_keys, label_values, second_date, days_between,"
                    + " column_names, first_row, row_count from " + relation(workspace, "agate_read")))
                    .containsExactly("id:2,d:2,label:2|id,d,label|a,b|06/03/2024|1|id,d,label|id,d,label|1,2024-03-05,a|2");
            assertThat(rows(workspace, "select * from " + relation(workspace, "graph_read")))
                    .containsExactly("|data_team|gold|True|ingest|The number|integer|sha256|sql|protected|True|False|not_null|id"
                            + "|True|raw|12|True|True|True|True|True");
            assertThat(rows(workspace, "select * from " + relation(workspace, "relation_create")))
                    .containsExactly("\"db1\".\"s1\"|\"t1\"|\"s1\".\"t1\"|table|\"t1\"|\"s1\".t1|\"s1\".\"t2\"");
            assertThat(rows(workspace, "select id, label from " + relation(workspace, "whitespace")))
                    .containsExactly("1|X");
        }
    }
}
