package io.smelt.adapter.testing;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Models written in Spark's, Trino's and DuckDB's SQL ({@code config(dialect=...)}), each exercising
 * the constructs Smelt translates (the {@code dialects} fixture): every engine holds the rows of
 * {@code expected/<model>.txt}, the same on all three.
 */
public abstract class BaseDialectTranslationContractTest extends BaseProjectTest {
    private static final List<String> MODELS = List.of("spark_constructs", "duckdb_constructs", "trino_constructs",
            "duckdb_reads_spark_ephemeral");

    @Test
    public void modelsInEachDialectHoldTheSameRowsOnEveryEngine() throws IOException {
        Path project = project("dialects");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            for (String model : MODELS) {
                List<String> expected = Files.readAllLines(project.resolve("expected/" + model + ".txt"));
                String columns = expected.get(0).replace('|', ',');
                List<String> actual = rows(workspace, "select " + columns + " from " + relation(workspace, model) + " order by id");
                assertThat(actual).as(model + " (" + columns + ")").containsExactlyElementsOf(expected.subList(1, expected.size()));
            }
        }
    }

    @Test
    public void theRunSqlIsTheTranslatedSql() throws IOException {
        Path project = project("dialects");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD, "+spark_constructs"));
            String compiled = Files.readString(project.resolve("target/compiled/dialects/models/spark/spark_constructs.sql"));
            String ran = Files.readString(project.resolve("target/run/dialects/models/spark/spark_constructs.sql"));
            String written = Files.readString(project.resolve("models/spark/spark_constructs.sql"));
            assertThat(ran).contains(compiled.strip());
            assertThat(compiled.lines().count()).as("one line for each line of the model (less its config line)")
                    .isEqualTo(written.lines().count() - 1);
            assertThat(compiled).contains("-- Spark SQL: backticks");
        }
    }
}
