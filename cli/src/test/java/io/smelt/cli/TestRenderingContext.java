package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.smelt.cli.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a unit-testing package in the style of EqualExperts' dbt-unit-testing needs from dbt's context:
 * {@code context} (read and written as a dict, seen by later macros), {@code render(text)} in the
 * caller's render, {@code this} for a test, and a package's own {@code ref} macro that takes dbt's place
 * only for its own nodes, not inside its macros when they render another package's node.
 */
class TestRenderingContext {
    @TempDir
    Path dir;

    @Test
    void aMockingPackageRendersTheTestedModelWithItsOwnRef() throws IOException {
        Path project = TestingFiles.shop(dir, "1.0.0", "");
        Path pkg = project.resolve("dbt_packages/mocker");
        write(pkg.resolve("dbt_project.yml"), "name: mocker\nversion: '1.0'\nconfig-version: 2\n");
        write(pkg.resolve("macros/mocker.sql"), """
                {% macro ref(name) %}
                  {% if 'unit-test' in config.get('tags', []) %}{{ return('mock_' ~ name) }}{% endif %}
                  {{ return(builtins.ref(name)) }}
                {% endmacro %}
                {% macro remember(value) %}
                  {% set seen = context.get('__mocker__', {}) %}
                  {% do seen.update({this.name: value}) %}
                  {% do context.update({'__mocker__': seen}) %}
                {% endmacro %}
                {% macro recalled() %}{{ return(context.get('__mocker__', {}).get(this.name)) }}{% endmacro %}
                {% macro expect_mocked(model_name) %}
                  {#- unqualified ref in the package's macro is dbt's: the test depends on the model -#}
                  {% set depends %}{{ ref(model_name) }}{% endset %}
                  {% if execute %}
                    {% set node = graph.nodes.values() | selectattr('name', 'equalto', model_name) | first %}
                    {% do mocker.remember(render(node.raw_code) | trim) %}
                    select 1 as wrong from (select 1) as t where '{{ mocker.recalled() }}' <> 'select * from mock_orders'
                  {% endif %}
                {% endmacro %}
                """);
        write(project.resolve("models/orders.sql"), "select 1 as id");
        write(project.resolve("models/summary.sql"), "select * from {{ mocker.ref('orders') }}");
        write(project.resolve("tests/summary_reads_the_mock.sql"),
                "{{ config(tags=['unit-test']) }}{{ mocker.expect_mocked('summary') }}");

        Result result = TestingCli.inProject(project, "build");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASS summary_reads_the_mock");
        assertThat(Files.readString(project.resolve("target/manifest.json")))
                .contains("\"depends_on\":{\"macros\":[\"macro.mocker.expect_mocked\"],\"nodes\":[\"model.shop.summary\"]}");
        assertThat(Files.readString(project.resolve("target/compiled/shop/models/summary.sql"))).contains("\"main\".\"orders\"");
    }

    @Test
    void aRootMacroReplacesDbtsOwnInsideDbtsMacros() throws IOException {
        Path project = TestingFiles.shop(dir, "1.0.0", "");
        write(project.resolve("macros/comments.sql"), """
                {% macro alter_relation_comment(relation, relation_comment) %}
                  comment on table {{ relation }} is 'root: {{ relation_comment }}'
                {% endmacro %}
                """);
        write(project.resolve("models/m.sql"), "{{ config(materialized='table', persist_docs={'relation': true}) }} select 1 as id");
        write(project.resolve("models/m.yml"), "version: 2\nmodels:\n  - name: m\n    description: hello\n");

        Result built = TestingCli.inProject(project, "build");
        assertThat(built.exitCode()).as(built.out() + built.err()).isZero();
        Result shown = TestingCli.inProject(project, "show", "--inline", "select comment from duckdb_tables() where table_name = 'm'");

        // as dbt: dbt's persist_docs calls alter_relation_comment, and the root project's macro of that name is the one
        assertThat(shown.out()).as(shown.err()).contains("root: hello");
    }
}
