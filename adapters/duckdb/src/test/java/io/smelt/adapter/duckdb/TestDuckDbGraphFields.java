package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseProjectTest;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields of dbt's manifest entries as {@code graph} hands them to models (fixture {@code graph_fields}):
 * a model's {@code time_spine}, a source's {@code source_description}, {@code loader} and {@code source_meta},
 * a generic test's {@code depends_on.macros}, a column's {@code constraints}, and {@code graph.exposures}.
 */
class TestDuckDbGraphFields extends BaseProjectTest {
    @Test
    void graphCarriesTheFieldsDbtParses() {
        Path project = project("graph_fields");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(rows(workspace, "select * from " + relation(workspace, "graph_seen")))
                    .containsExactly("spine|date_day|0|Events as the tracker loads them|tracker|ingest"
                            + "|macro.dbt.test_unique,macro.dbt.get_where_subquery|not_null|True"
                            + "|exposure.graph_fields.weekly_dashboard|dashboard|high|analytics@example.com|1|bi"
                            + "|model.graph_fields.spine,source.graph_fields.raw.events");
        }
    }
}
