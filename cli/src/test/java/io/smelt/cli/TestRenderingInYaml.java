package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.smelt.cli.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jinja in YAML rendered where dbt renders it, to the values dbt gets: {@code target} in
 * dbt_project.yml (the root's and a package's), test configs at parse time, test arguments at any
 * depth when the test runs, and arguments the YAML leaves out reaching the macro undefined.
 */
class TestRenderingInYaml {
    @TempDir
    Path dir;

    @Test
    void dbtProjectConfigsSeeTheTarget() throws IOException {
        Path project = project("""
                models:
                  shop:
                    +materialized: "{{ 'table' if target.name == 'test' and target.profile_name == 'shop' else 'view' }}"
                    retired:
                      +enabled: "{{ target.type != 'duckdb' }}"
                """);
        write(project.resolve("models/orders.sql"), "select 1 as id");
        write(project.resolve("models/retired/old_orders.sql"), "select 2 as id");
        write(project.resolve("models/tagged.sql"), "select 4 as id");
        write(project.resolve("models/tagged.yml"), """
                version: 2
                models:
                  - name: tagged
                    config:
                      tags: "{{ ['nightly', target.type] }}"
                      docs:
                        show: "{{ target.name != 'test' }}"
                """);
        Path pkg = project.resolve("dbt_packages/helper");
        write(pkg.resolve("dbt_project.yml"), """
                name: helper
                version: '1.0'
                config-version: 2
                models:
                  helper:
                    +enabled: "{{ target.type == 'fabric' }}"
                """);
        write(pkg.resolve("models/fabric_only.sql"), "select 3 as id");

        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode manifest = manifest(project);
        assertThat(manifest.at("/nodes/model.shop.orders/config/materialized").asText()).isEqualTo("table");
        assertThat(manifest.at("/nodes").has("model.shop.old_orders")).isFalse();
        // properties files render natively too
        assertThat(manifest.at("/nodes/model.shop.tagged/tags").toString()).isEqualTo("[\"nightly\",\"duckdb\"]");
        assertThat(manifest.at("/nodes/model.shop.tagged/config/docs/show").toString()).isEqualTo("false");
        assertThat(manifest.at("/nodes").has("model.helper.fabric_only")).isFalse();
        assertThat(manifest.at("/disabled").has("model.shop.old_orders")).isTrue();
        assertThat(manifest.at("/disabled").has("model.helper.fabric_only")).isTrue();
    }

    @Test
    void testConfigsWrittenAsJinjaAreRenderedToValues() throws IOException {
        Path project = project("");
        write(project.resolve("models/orders.sql"), "select 1 as id union all select 1 as id");
        write(project.resolve("models/orders.yml"), """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: id
                        data_tests:
                          - unique:
                              config:
                                severity: "{{ 'warn' if target.type == 'duckdb' else 'error' }}"
                          - not_null:
                              enabled: "{{ target.type not in ['duckdb', 'spark'] }}"
                          - not_null:
                              name: tagged_not_null
                              tags: "{{ ['nightly', target.type] }}"
                              config:
                                store_failures: "{{ target.name == 'test' }}"
                          - accepted_values:
                              values: [1]
                              config:
                                where: "id > {{ 0 }}"
                                error_if: "{{ '>' ~ 5 }}"
                                limit: "{{ 10 }}"
                """);
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("WARN 1 unique_orders_id").doesNotContain("not_null_orders_id")
                .contains("PASS accepted_values_orders_id__1");
        JsonNode nodes = manifest(project).get("nodes");
        JsonNode accepted = startingWith(nodes, "test.shop.accepted_values_orders_id__1.");
        assertThat(accepted.at("/config/where").asText()).isEqualTo("id > 0");
        assertThat(accepted.at("/config/error_if").asText()).isEqualTo(">5");
        assertThat(accepted.at("/config/limit").asInt()).isEqualTo(10);
        JsonNode tagged = startingWith(nodes, "test.shop.tagged_not_null.");
        assertThat(tagged.at("/config/tags").toString()).isEqualTo("[\"nightly\",\"duckdb\"]");
        assertThat(tagged.at("/config/store_failures").asBoolean()).isTrue();
    }

    @Test
    void testArgumentsAreRenderedAtAnyDepthAndMissingOnesAreUndefined() throws IOException {
        Path project = project("""
                vars:
                  allowed: [1, 2]
                """);
        write(project.resolve("models/orders.sql"), "select 1 as id, 'a' as first_name union all select 2, 'b'");
        write(project.resolve("macros/tests.sql"), """
                {% test row_shape(model, columns, limit) %}
                  {# columns arrives as a list: its items rendered; limit is left out, so it is undefined #}
                  select * from {{ model }}
                  where {{ columns | length }} != 2 or '{{ columns[1] }}' != 'first_name'
                    or {{ 'true' if limit is defined else 'false' }}
                {% endtest %}
                """);
        write(project.resolve("models/orders.yml"), """
                version: 2
                models:
                  - name: orders
                    data_tests:
                      - row_shape:
                          columns: [id, "{{ 'first' ~ '_name' }}"]
                    columns:
                      - name: id
                        data_tests:
                          - accepted_values:
                              values: "{{ var('allowed') }}"
                              quote: false
                """);
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).containsPattern("PASS row_shape_orders_").containsPattern("PASS accepted_values_orders_id");
    }

    @Test
    void aVarWrittenAsJinjaIsRenderedWhenReadAndAMissingOneIsNoneInADisabledModel() throws IOException {
        Path project = project("""
                vars:
                  answer: "{{ 40 + 2 }}"
                  started: '{{ run_started_at }}'
                  nested: ["{{ 1 + 1 }}"]
                """);
        write(project.resolve("models/answers.sql"),
                "select '{{ var('answer') }}' as answer, '{{ var('started') }}' as started, '{{ var('nested')[0] }}' as nested");
        write(project.resolve("models/later.sql"), """
                {{ config(enabled=false) }}
                select {{ var('not_defined_anywhere') }} as x
                """);
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String compiled = Files.readString(project.resolve("target/compiled/shop/models/answers.sql"));
        // rendered as text when var() is called; a var's list items are not rendered (as in dbt)
        assertThat(compiled).startsWith("select '42' as answer, '20").contains("' as started, '{{ 1 + 1 }}' as nested")
                .doesNotContain("run_started_at");

        // as dbt's parser, parse and ls answer none for it (orchestrators parse without the run's vars);
        // a command that would compile the model refuses it before anything runs, one that does not select it runs
        write(project.resolve("models/later.sql"), "select {{ var('not_defined_anywhere') }} as x");
        assertThat(TestingCli.inProject(project, "parse").exitCode()).isZero();
        assertThat(TestingCli.inProject(project, "ls").out()).contains("shop.later");
        Result enabled = TestingCli.inProject(project, "build");
        assertThat(enabled.exitCode()).isEqualTo(2);
        assertThat(enabled.err()).contains("models/later.sql:1").contains("var('not_defined_anywhere') is not defined and has no default");
        assertThat(TestingCli.inProject(project, "build", "-s", "answers").exitCode()).isZero();
        assertThat(TestingCli.inProject(project, "build", "--vars", "{not_defined_anywhere: 7}").exitCode()).isZero();
    }

    @Test
    void seedColumnTypesAreRenderedAndAnEntryForAnAbsentColumnIsIgnored() throws IOException {
        Path project = project("""
                seeds:
                  shop:
                    +column_types:
                      id: "{{ 'bigint' if target.type == 'duckdb' else 'int' }}"
                """);
        write(project.resolve("seeds/prices.csv"), "id,amount,Unit Price\n1,2.5,3\n2,4,5\n");
        write(project.resolve("seeds/prices.yml"), """
                version: 2
                seeds:
                  - name: prices
                    config:
                      column_types:
                        amount: "{{ 'decimal(10,2)' }}"
                        discontinued: integer
                """);
        write(project.resolve("tests/typed.sql"), """
                select * from {{ ref('prices') }}
                where typeof(id) != 'BIGINT' or typeof(amount) != 'DECIMAL(10,2)' or "Unit Price" not in (3, 5)
                """);
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASS typed");
    }

    private Path project(String extra) throws IOException {
        return TestingFiles.shop(dir, "1.0", extra);
    }

    private static JsonNode startingWith(JsonNode nodes, String prefix) {
        java.util.Iterator<String> names = nodes.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith(prefix)) {
                return nodes.get(name);
            }
        }
        throw new AssertionError("no node " + prefix + "*");
    }

    private static JsonNode manifest(Path project) throws IOException {
        return new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
    }
}
