package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.smelt.cli.TestingFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What real packages (elementary, tuva) read from dbt 1.10: a generic test's arguments reach the
 * macros of the package that defines the test unqualified, graph columns carry {@code config} (meta
 * and tags), {@code ref.config} is the RuntimeConfig, and query results rename as agate tables.
 */
class TestPackageNodes {
    @TempDir
    Path dir;

    @Test
    void testArgumentsReachTheirPackagesMacrosAndColumnsHaveConfig() throws IOException {
        Path project = project("");
        write(project.resolve("models/columns_read.sql"), """
                {% set col = graph.nodes['model.claims.claims'].columns['plan'] if execute else none %}
                select '{{ col.config.meta.get('owner') if execute else '' }}' as owner,
                       '{{ col.config.tags | join(',') if execute else '' }}' as tags
                -- depends_on: {{ ref('claims') }}
                """);
        Path pkg = project.resolve("dbt_packages/claims");
        write(pkg.resolve("dbt_project.yml"), """
                name: claims
                version: '1.0'
                config-version: 2
                """);
        write(pkg.resolve("macros/quote_name.sql"), """
                {% macro quote_name(name) %}{{ name }}_col{% endmacro %}
                {% test has_columns(model, column_list) %}
                select * from (select count(*) as n from {{ model }}) as t
                where n < 0 and '{{ column_list | join('+') }}' is not null
                {% endtest %}
                """);
        write(pkg.resolve("models/claims.sql"), "select 1 as plan, 2 as member");
        write(pkg.resolve("models/claims.yml"), """
                version: 2
                models:
                  - name: claims
                    data_tests:
                      - has_columns:
                          arguments:
                            column_list: ['{{ quote_name("plan") }}', member]
                    columns:
                      - name: plan
                        config:
                          meta: {owner: ana}
                          tags: [pii]
                """);

        Result result = TestingCli.inProject(project, "build");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Path compiledTests = project.resolve("target/compiled/claims/models/claims.yml");
        try (Stream<Path> files = Files.walk(compiledTests)) {
            String test = Files.readString(files.filter(Files::isRegularFile).findFirst().orElseThrow());
            assertThat(test).contains("'plan_col+member' is not null");
        }
        String columns = Files.readString(project.resolve("target/compiled/shop/models/columns_read.sql"));
        assertThat(columns).contains("'ana' as owner", "'pii' as tags");
    }

    /**
     * dbt's RuntimeConfig as packages reach it through {@code builtins.ref.config} (elementary's and
     * tuva's {@code get_runtime_config()}): each project's version under {@code dependencies}, the
     * root's name, its vars as written ({@code vars.to_dict()}), {@code cli_vars} and {@code args}.
     */
    @Test
    void refCarriesTheRuntimeConfigPackagesRead() throws IOException {
        Path project = project("""
                vars:
                  region: north
                """);
        Path pkg = project.resolve("dbt_packages/tracker");
        write(pkg.resolve("dbt_project.yml"), """
                name: tracker
                version: '0.18.4'
                config-version: 2
                """);
        write(pkg.resolve("macros/runtime.sql"), """
                {% macro get_runtime_config() %}{{ return(builtins.ref.config) }}{% endmacro %}
                """);
        write(project.resolve("models/versions.sql"), """
                {% set conf = tracker.get_runtime_config() %}
                select '{{ conf.dependencies["tracker"].version }}' as tracker_version,
                       '{{ conf.dependencies["shop"].version }}' as shop_version,
                       '{{ conf.project_name }}' as project_name,
                       '{{ conf.vars.to_dict()["region"] }}' as region,
                       '{{ conf.cli_vars["run_label"] }}' as run_label,
                       '{{ conf.args.which }}' as which,
                       {{ conf.args.select is not defined and conf.credentials is not defined }} as missing_undefined
                """);

        Result result = TestingCli.inProject(project, "compile", "--vars", "{run_label: nightly}");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String compiled = Files.readString(project.resolve("target/compiled/shop/models/versions.sql"));
        assertThat(compiled).contains("'0.18.4' as tracker_version", "'1.4.0' as shop_version", "'shop' as project_name",
                "'north' as region", "'nightly' as run_label", "'compile' as which", "True as missing_undefined");
    }

    /** agate's {@code rename}, which elementary's run_query applies to every result. */
    @Test
    void aQueryResultRenamesItsColumnsAsAgate() throws IOException {
        Path project = project("");
        write(project.resolve("models/renamed.sql"), """
                {% if execute %}
                {% set query %}select 1 as "ID", 'a' as "Label"{% endset %}
                {% set table = run_query(query) %}
                {% set by_map = table.rename({'ID': 'id'}) %}
                {% set by_list = table.rename(['x', 'y']) %}
                select '{{ by_map.column_names | join(',') }}' as by_map,
                       '{{ by_list.column_names | join(',') }}' as by_list,
                       {{ by_map.rows[0]['id'] }} as first_id,
                       '{{ table.column_names | join(',') }}' as original
                {% else %}
                select 1
                {% endif %}
                """);

        Result result = TestingCli.inProject(project, "compile");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readString(project.resolve("target/compiled/shop/models/renamed.sql")))
                .contains("'id,Label' as by_map", "'x,y' as by_list", "1 as first_id", "'ID,Label' as original");
    }

    /** As dbt's default__create_table_as: a temporary table is named without database and schema. */
    @Test
    void aTemporaryTableIsCreatedUnqualifiedAsDbtDoes() throws IOException {
        Path project = project("");
        write(project.resolve("models/staged.sql"), """
                {% if execute %}
                {% set tmp = this.incorporate(path={"identifier": "staged__stage"}) %}
                {% do run_query(create_table_as(True, tmp, 'select 7 as id')) %}
                select {{ run_query('select id from ' ~ tmp.identifier).rows[0][0] }} as staged
                {% else %}
                select 1
                {% endif %}
                """);

        Result result = TestingCli.inProject(project, "compile");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readString(project.resolve("target/compiled/shop/models/staged.sql"))).contains("select 7 as staged");
    }

    private Path project(String extra) throws IOException {
        return TestingFiles.shop(dir, "1.4.0", extra);
    }
}
