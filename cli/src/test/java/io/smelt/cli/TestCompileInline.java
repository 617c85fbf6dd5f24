package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compile --inline}: SQL from the command line compiled in the project's context (DuckDB). */
class TestCompileInline {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = TestBadProjectFiles.projectIn(dir, "inl");
        Files.writeString(project.resolve("dbt_project.yml"), "vars:\n  region: eu\n", java.nio.file.StandardOpenOption.APPEND);
        TestBadProjectFiles.write(project, "models/orders.sql", "select 1 as id\n");
        TestBadProjectFiles.write(project, "models/cheap.sql", "{{ config(materialized='ephemeral') }}\nselect 2 as id\n");
        TestBadProjectFiles.write(project, "macros/shout.sql", "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n");
    }

    @Test
    void printsTheCompiledSqlWithRefsMacrosAndVars() {
        Result result = TestingCli.inProject(project, "--quiet", "compile", "--inline",
                "select {{ shout('name') }}, '{{ var(\"region\") }}' from {{ ref('orders') }} join {{ ref('cheap') }} using (id)");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        // with --quiet only the SQL, as dbt prints it
        assertThat(result.out()).startsWith("with __dbt__cte__cheap as (\n")
                .contains("select upper(name), 'eu' from \"inl\".\"main\".\"orders\" join __dbt__cte__cheap using (id)");
        // only the inline node is compiled, not the project's models
        assertThat(project.resolve("target/compiled/inl/models")).doesNotExist();
    }

    @Test
    void withoutQuietTheSqlHasItsTitle() {
        Result result = TestingCli.inProject(project, "compile", "--inline", "select * from {{ ref('orders') }}");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Compiled inline node is:\nselect * from \"inl\".\"main\".\"orders\"\n");
    }

    @Test
    void anErrorPointsAtTheInlineText() {
        Result result = TestingCli.inProject(project, "compile", "--inline", "select 1\nfrom {{ ref('ordrs') }}");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("<inline>:2: error: ref('ordrs')")
                .contains("  2 | from {{ ref('ordrs') }}").doesNotContain("Exception");

        Result syntax = TestingCli.inProject(project, "compile", "--inline", "select {{ 1 + }}");
        assertThat(syntax.exitCode()).isEqualTo(2);
        assertThat(syntax.err()).contains("<inline>:1: error:").contains("  1 | select {{ 1 + }}");
    }

    @Test
    void selectionOptionsDoNotCombineWithInline() {
        Result result = TestingCli.inProject(project, "compile", "--inline", "select 1", "-s", "orders");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--inline compiles only the SQL given");
    }
}
