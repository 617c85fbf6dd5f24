package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseProjectContractTest;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project-level contract on the shared Trino server's Iceberg catalog (TrinoTestEngine: schemas
 * of each test's own, dropped afterwards).
 */
class TestTrinoProjects extends BaseProjectContractTest {
    @Test
    public void anEngineErrorNamesTheCompiledLineAndTheQueryId() throws java.io.IOException {
        Path project = project("jaffle_shop");
        java.nio.file.Files.writeString(project.resolve("models/broken.sql"),
                "select\n  id,\n  no_such_column\nfrom {{ ref('raw_orders') }}\n");
        try (Workspace workspace = load(project)) {
            assertThat(run(workspace, Command.SEED).success()).isTrue();
            workspace.withSqlCheck(false);   // the engine, not the SQL check, is to refuse the model
            RunSummary summary = run(workspace, Command.RUN, "broken");
            String message = result(summary, "broken").message();
            assertThat(message).contains("Runtime Error in model broken (models/broken.sql)")
                    .contains("no_such_column")
                    .contains("at target/compiled/jaffle_shop/models/broken.sql:3:3")
                    .containsPattern("query id: \\d{8}_\\d{6}_\\d+_\\w+");
        }
    }

}
