package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A package's nodes as dbt 1.10 renders them: a generic test's arguments reach the macros of the
 * package that defines the test unqualified, and graph columns carry {@code config} (meta and tags).
 */
class TestPackageNodes {
    @TempDir
    Path dir;

    @Test
    void testArgumentsReachTheirPackagesMacrosAndColumnsHaveConfig() throws IOException {
        Path project = dir.resolve("shop");
        write(project.resolve("dbt_project.yml"), """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                """);
        TestingProjects.writeProfile(project, Map.of("type", "duckdb", "path", dir.resolve("shop.duckdb").toString()));
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

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
