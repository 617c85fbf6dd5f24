package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseProjectTest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dbt context in each of its modes (fixture {@code context_modes}): parsing, running a node, a
 * full refresh that a model's own {@code full_refresh} config refuses, and an operation.
 */
class TestDuckDbContextModes extends BaseProjectTest {
    @Test
    void eachModeGivesItsOwnContext() {
        Path project = project("context_modes");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(workspace.select(new Selection(List.of("tag:seen_while_parsing"), List.of(), null)))
                    .extracting(Node::name).containsExactly("parsed");
            assertThat(rows(workspace, "select executing from " + relation(workspace, "parsed"))).containsExactly("True");

            assertSucceeded(run(workspace, Command.BUILD, true));
            // full_refresh: false wins over --full-refresh, in the template and in the materialization
            assertThat(rows(workspace, "select * from " + relation(workspace, "kept") + " order by incremental"))
                    .containsExactly("False|False", "False|True");
            assertThat(rows(workspace, "select * from " + relation(workspace, "rebuilt"))).containsExactly("True|False");

            // no node depends on base, yet an operation may ref it
            assertThat(workspace.runOperation("base_seen", Map.of(), RunListener.NONE)).isEqualTo("True|base");
        }
    }
}
