package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code {% materialization %}} block runs when the project and a package both define one (on
 * the custom_materialization fixture with a local package added): the engine's adapter block first,
 * then the root project's, then the package's; only the root project replaces a built-in one.
 */
class TestMaterializationPrecedence {
    private static final String BLOCK = """
            {%% materialization %s, %s %%}
              {%% call statement('main') -%%}
                create or replace table {{ this }} as select model_rows.*, '%s' as built_by from ({{ sql }}) as model_rows
              {%%- endcall %%}
              {{ return({'relations': [this.incorporate(type='table')]}) }}
            {%% endmaterialization %%}
            """;

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() throws IOException {
        project = TestingProjects.copy("custom_materialization", dir, Map.of("type", "duckdb", "path", dir.resolve("m.duckdb").toString()));
        Files.writeString(project.resolve("packages.yml"), "packages:\n  - local: materials\n");
        Files.createDirectories(project.resolve("materials/macros"));
        Files.writeString(project.resolve("materials/dbt_project.yml"), "name: materials\nversion: '1.0.0'\nconfig-version: 2\n");
        Files.writeString(project.resolve("models/logged.sql"), "{{ config(materialized='logged') }}\nselect 1 as id\n");
        Files.writeString(project.resolve("models/plain.sql"), "{{ config(materialized='table') }}\nselect 1 as id\n");
    }

    @Test
    void aPackagesBlockRunsWhenTheProjectHasNone() throws Exception {
        block("materials/macros/logged.sql", "logged", "default", "package");
        assertThat(builtBy("logged")).isEqualTo("package");
    }

    @Test
    void theRootProjectsBlockWinsOverAPackagesForTheSameAdapter() throws Exception {
        block("materials/macros/logged.sql", "logged", "default", "package");
        block("macros/logged.sql", "logged", "default", "root");
        assertThat(builtBy("logged")).isEqualTo("root");
    }

    @Test
    void aPackagesBlockForTheEngineWinsOverTheRootProjectsDefault() throws Exception {
        block("materials/macros/logged.sql", "logged", "adapter='duckdb'", "package duckdb");
        block("macros/logged.sql", "logged", "default", "root");
        assertThat(builtBy("logged")).isEqualTo("package duckdb");
    }

    @Test
    void onlyTheRootProjectsBlockForTheEngineReplacesABuiltInMaterialization() throws Exception {
        block("materials/macros/table.sql", "table", "adapter='duckdb'", "package table");
        assertThat(query("select count(*) from information_schema.columns where table_name = 'plain' and column_name = 'built_by'",
                "plain")).as("Smelt's own table").isEqualTo("0");
        block("macros/table.sql", "table", "adapter='duckdb'", "root table");
        assertThat(builtBy("plain")).isEqualTo("root table");
    }

    private void block(String file, String name, String adapter, String label) throws IOException {
        Files.writeString(project.resolve(file), BLOCK.formatted(name, adapter, label));
    }

    private String builtBy(String model) throws Exception {
        return query("select built_by from " + model, model);
    }

    private String query(String sql, String model) throws Exception {
        Result result = TestingCli.inProject(project, "run", "--select", model);
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("m.duckdb"));
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
