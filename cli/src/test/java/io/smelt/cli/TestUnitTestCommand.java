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

/** dbt unit tests through {@code smelt test} and {@code smelt build} on the unit_tests fixture (DuckDB). */
class TestUnitTestCommand {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("unit_tests", dir, Map.of("type", "duckdb", "path", dir.resolve("u.duckdb").toString()));
    }

    @Test
    void unitTestsPassWithoutTheUpstreamTables() {
        Result result = smelt("test", "--select", "test_type:unit", "--exclude", "test_no_orders_at_all");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("test_is_valid_email_address").contains("test_sql_input_csv_expect")
                .contains("test_new_orders_only").doesNotContain("not_null");
    }

    @Test
    void lsListsUnitTestsByResourceType() {
        Result result = smelt("ls", "--resource-type", "unit_test");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactlyInAnyOrder("unit_tests.dim_customers.test_is_valid_email_address",
                "unit_tests.dim_customers.test_sql_input_csv_expect", "unit_tests.orders_incremental.test_new_orders_only",
                "unit_tests.dim_customers.test_fixture_files", "unit_tests.big_orders.test_no_big_orders",
                "unit_tests.big_orders.test_package_qualified_override", "unit_tests.big_orders.test_no_orders_at_all");
    }

    @Test
    void testTypeDataLeavesTheUnitTestsOut() {
        Result result = smelt("test", "--select", "test_type:data");
        assertThat(result.out()).contains("not_null").doesNotContain("test_is_valid_email_address");
    }

    @Test
    void buildRunsUnitTestsBeforeTheirModelAndCastsToTheUpstreamTypes() throws Exception {
        Result result = smelt("build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String out = result.out();
        assertThat(out.indexOf("test_is_valid_email_address")).isLessThan(out.indexOf("model main.dim_customers"))
                .isGreaterThan(out.indexOf("main.stg_customers"));
        assertThat(query("select count(*) from dim_customers where is_valid_email_address")).isEqualTo(1);
    }

    @Test
    void aFailingUnitTestShowsTheDiffExitsOneAndSkipsItsModel() throws Exception {
        replace("- {customer_id: 2, is_valid_email_address: false}", "- {customer_id: 2, is_valid_email_address: true}");
        Result result = smelt("build");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out() + result.err())
                .contains("Failure in unit_test test_is_valid_email_address (models/unit_tests.yml)")
                .contains("actual differs from expected (columns: customer_id, is_valid_email_address)")
                .containsPattern("missing \\(expected, not returned\\):\n +- \\{customer_id: 2, is_valid_email_address: true}")
                .containsPattern("unexpected \\(returned, not expected\\):\n +\\+ \\{customer_id: 2, is_valid_email_address: false}")
                .contains("SKIP relation main.dim_customers").doesNotContain("configured to fail");
        assertThat(query("select count(*) from information_schema.tables where table_name = 'dim_customers'")).isZero();
        assertThat(query("select count(*) from information_schema.tables where table_name = 'orders_incremental'")).isEqualTo(1);
    }

    @Test
    void theVarsOverrideDecidesTheExpectedAmounts() throws IOException {
        replace("vars: {multiplier: 10}", "vars: {multiplier: 2}");
        Result result = smelt("test", "--select", "test_new_orders_only");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains("+ {order_id: 2, amount: 14}").contains("- {order_id: 2, amount: 70}");
    }

    @Test
    void withoutTheIsIncrementalOverrideEveryOrderIsNew() throws IOException {
        replace("macros: {is_incremental: true}", "macros: {is_incremental: false}");
        Result result = smelt("test", "--select", "test_new_orders_only");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains("+ {order_id: 1, amount: 50}");
    }

    @Test
    void macroAndEnvVarOverridesReplaceTheProjectsOwn() throws IOException {
        Files.createDirectories(project.resolve("macros"));
        Files.writeString(project.resolve("macros/current_region.sql"), "{% macro current_region() %}'us'{% endmacro %}\n");
        Files.writeString(project.resolve("models/regional.sql"),
                "select order_id, '{{ env_var('REGION', 'none') }}' as region, {{ current_region() }} as macro_region\n"
                        + "from {{ ref('orders') }}\n");
        Files.writeString(project.resolve("models/regional.yml"), """
                unit_tests:
                  - name: test_regional
                    model: regional
                    overrides:
                      env_vars: {REGION: eu}
                      macros: {current_region: "'xx'"}
                    given:
                      - input: ref('orders')
                        rows: [{order_id: 1}]
                    expect:
                      rows: [{order_id: 1, region: eu, macro_region: xx}]
                """);
        Result result = smelt("test", "--select", "resource_type:unit_test,regional");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASS test_regional").doesNotContain("test_new_orders_only");
        Result model = smelt("test", "--select", "regional");
        assertThat(model.out()).as("selecting a model brings its unit tests along").contains("test_regional");
    }

    @Test
    void overridesReachDbtsOwnNamespaceAndContextValues() throws IOException {
        Files.writeString(project.resolve("models/stamped.sql"),
                "select order_id, {{ dbt.current_timestamp() }} as stamped_at, '{{ invocation_id }}' as run_id\n"
                        + "from {{ ref('orders') }}\n");
        Files.writeString(project.resolve("models/stamped.yml"), """
                unit_tests:
                  - name: test_stamped
                    model: stamped
                    overrides:
                      macros:
                        dbt.current_timestamp: "'2024-01-01'"
                        invocation_id: run-7
                    given:
                      - input: ref('orders')
                        rows: [{order_id: 1}]
                    expect:
                      rows: [{order_id: 1, stamped_at: '2024-01-01', run_id: run-7}]
                """);
        Result result = smelt("test", "--select", "test_stamped");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASS test_stamped");
    }

    @Test
    void aDisabledModelTakesItsUnitTestsWithIt() throws IOException {
        Files.writeString(project.resolve("models/orders_incremental.sql"), "{{ config(enabled=false) }}\nselect 1 as order_id\n");
        Result result = smelt("test", "--select", "test_type:unit", "--exclude", "test_no_orders_at_all");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("test_is_valid_email_address").doesNotContain("test_new_orders_only");
    }

    @Test
    void anInputTheModelDoesNotReadIsAProjectErrorAtItsLine() throws IOException {
        replace("- input: ref('top_level_domains')\n        format: csv", "- input: ref('orders')\n        format: csv");
        assertTestIsAProjectError("models/unit_tests.yml:20:9", "input ref('orders') is not a ref of model 'dim_customers'");
    }

    @Test
    void badDefinitionsAreProjectErrorsWithFileAndLine() throws IOException {
        replace("    model: orders_incremental", "    model: no_such_model");
        assertTestIsAProjectError("models/unit_tests.yml:", "no_such_model");

        assertBadDefinition("""
                unit_tests:
                  - name: no_expect
                    model: dim_customers
                    given: []
                """, "models/bad.yml:2", "needs expect:");
        assertBadDefinition("""
                unit_tests:
                  - name: bad_format
                    model: dim_customers
                    given:
                      - input: ref('stg_customers')
                        format: xml
                    expect: {rows: []}
                """, "models/bad.yml:6", "unknown fixture format 'xml'");
        assertBadDefinition("""
                unit_tests:
                  - name: missing_fixture
                    model: dim_customers
                    given:
                      - input: ref('stg_customers')
                        format: csv
                        fixture: no_such_rows
                    expect: {rows: []}
                """, "models/bad.yml:7:18: error: unit test 'missing_fixture': no fixture file "
                + "no_such_rows.csv in a fixtures folder of the test paths [tests]", "fixture files found: ",
                "tests/fixtures/domains.csv");
    }

    /** {@code yaml} as models/bad.yml makes {@code test} a project error. */
    private void assertBadDefinition(String yaml, String... expected) throws IOException {
        Files.writeString(project.resolve("models/bad.yml"), yaml);
        assertTestIsAProjectError(expected);
    }

    /** {@code test} exits 2 with an error that holds each of {@code expected}. */
    private void assertTestIsAProjectError(String... expected) {
        Result result = smelt("test");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(expected);
    }

    private void replace(String from, String to) throws IOException {
        TestingFiles.replace(project.resolve("models/unit_tests.yml"), from, to);
    }

    private long query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("u.duckdb"));
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Result smelt(String... args) {
        return TestingCli.inProject(project, args);
    }
}
