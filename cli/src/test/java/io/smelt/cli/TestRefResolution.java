package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code ref()} or {@code source()} rendered at run time names the node the linker chose, by
 * dbt's rules ({@code Manifest.resolve_ref}): the root project, then the caller's package, then any
 * package, where a name in several packages is an error; an unpinned ref picks the latest version.
 */
class TestRefResolution {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = TestingFiles.shop(dir, "1.0", "");
        write(project.resolve("models/dim_v1.sql"), "select 1 as id");
        write(project.resolve("models/dim_v2.sql"), "select 2 as id");
        write(project.resolve("models/dim.yml"), """
                version: 2
                models:
                  - name: dim
                    latest_version: 2
                    versions:
                      - v: 1
                      - v: 2
                sources:
                  - name: raw
                    schema: root_raw
                    tables:
                      - name: orders
                """);
        write(project.resolve("models/both_versions.sql"),
                "select * from {{ ref('dim', v=1) }} union all select * from {{ ref('dim', v=2) }}");
        for (String pkg : new String[] {"utils", "other"}) {
            Path dirOf = project.resolve("dbt_packages/" + pkg);
            write(dirOf.resolve("dbt_project.yml"), "name: " + pkg + "\nversion: '1.0'\nconfig-version: 2\n");
            write(dirOf.resolve("models/helper.sql"), "select '" + pkg + "' as from_package");
        }
        Path utils = project.resolve("dbt_packages/utils");
        write(utils.resolve("models/raw.yml"), """
                version: 2
                sources:
                  - name: raw
                    schema: utils_raw
                    tables:
                      - name: orders
                """);
        write(utils.resolve("models/stg_orders.sql"), "select * from {{ source('raw', 'orders') }}");
        write(project.resolve("macros/ops.sql"), """
                {% macro latest_dim() %}{{ return(ref('dim') | string) }}{% endmacro %}
                {% macro some_helper() %}{{ return(ref('helper') | string) }}{% endmacro %}
                """);
    }

    @Test
    void aUnitTestsInputsAreCheckedAgainstTheVersionItTests() throws IOException {
        write(project.resolve("models/old_input.sql"), "select 1 as id");
        write(project.resolve("models/new_input.sql"), "select 2 as id");
        write(project.resolve("models/tested_v1.sql"), "select id from {{ ref('old_input') }}");
        write(project.resolve("models/tested_v2.sql"), "select id from {{ ref('new_input') }}");
        write(project.resolve("models/tested.yml"), """
                version: 2
                models:
                  - name: tested
                    latest_version: 2
                    versions:
                      - v: 1
                      - v: 2
                unit_tests:
                  - name: tested_keeps_ids
                    model: tested
                    versions:
                      include: [2]
                    given:
                      - input: ref('new_input')
                        rows:
                          - {id: 7}
                    expect:
                      rows:
                        - {id: 7}
                """);

        Result result = TestingCli.inProject(project, "build", "--select", "new_input", "tested_keeps_ids_v2");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASS tested_keeps_ids_v2");
    }

    @Test
    void eachPinnedVersionRendersAsItself() throws IOException {
        Result result = TestingCli.inProject(project, "compile", "--select", "both_versions");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readString(project.resolve("target/compiled/shop/models/both_versions.sql")))
                .contains("\"dim_v1\" union all select * from \"shop\".\"main\".\"dim_v2\"");
    }

    @Test
    void aPackagesSourceIsTheRootProjectsWhenBothDeclareIt() throws IOException {
        Result result = TestingCli.inProject(project, "compile", "--select", "stg_orders");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readString(project.resolve("target/compiled/utils/models/stg_orders.sql")))
                .contains("\"root_raw\".\"orders\"").doesNotContain("utils_raw");
    }

    @Test
    void anOperationsUnpinnedRefPicksTheLatestVersion() {
        Result result = TestingCli.inProject(project, "run-operation", "latest_dim");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("\"dim_v2\"").doesNotContain("dim_v1");
    }

    @Test
    void anOperationsRefToANameInTwoPackagesIsAnError() {
        Result result = TestingCli.inProject(project, "run-operation", "some_helper");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("macros/ops.sql:2",
                "ref('helper') names nodes in several packages: model.other.helper, model.utils.helper",
                "name the package, for example ref('other', 'helper')");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
