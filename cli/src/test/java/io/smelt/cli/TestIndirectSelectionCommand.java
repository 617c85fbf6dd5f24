package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --indirect-selection} and its environment variables on ls, test and build (DuckDB). */
class TestIndirectSelectionCommand {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = TestBadProjectFiles.projectIn(dir, "indirect");
        TestBadProjectFiles.write(project, "models/marts/customers.sql", "select 1 as id\n");
        TestBadProjectFiles.write(project, "models/marts/orders.sql", "select 1 as id, id as customer_id from {{ ref('customers') }}\n");
        TestBadProjectFiles.write(project, "models/marts/schema.yml", """
                models:
                  - name: customers
                    columns:
                      - name: id
                        data_tests: [unique]
                  - name: orders
                    columns:
                      - name: id
                        data_tests: [not_null]
                      - name: customer_id
                        data_tests:
                          - relationships: {to: ref('customers'), field: id}
                unit_tests:
                  - name: test_orders
                    model: orders
                    given:
                      - input: ref('customers')
                        rows: [{id: 7}]
                    expect:
                      rows: [{id: 1, customer_id: 7}]
                """);
    }

    @Test
    void eachModeListsItsTests() {
        assertThat(ls("-s", "orders")).containsExactly("not_null_orders_id", "orders",
                "relationships_orders_customer_id__id__ref_customers_", "test_orders");
        assertThat(ls("-s", "orders", "--indirect-selection", "cautious")).containsExactly("not_null_orders_id", "orders", "test_orders");
        // customers is upstream of orders, so buildable takes the test between them
        assertThat(ls("-s", "orders", "--indirect-selection", "buildable")).isEqualTo(ls("-s", "orders"));
        assertThat(ls("-s", "orders", "--indirect-selection", "EMPTY")).containsExactly("orders");
        assertThat(ls("-s", "orders customers", "--indirect-selection", "cautious")).hasSize(6);
    }

    @Test
    void excludeFollowsTheMode() {
        assertThat(ls("--resource-type", "test", "--exclude", "customers")).containsExactly("not_null_orders_id");
        assertThat(ls("--resource-type", "test", "--exclude", "customers", "--indirect-selection", "cautious"))
                .containsExactly("not_null_orders_id", "relationships_orders_customer_id__id__ref_customers_");
    }

    @Test
    void testAndBuildTakeTheModeFromTheFlagOrTheEnvironment() {
        Result run = TestingCli.inProject(project, "run");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(smelt(Map.of(), "test", "-s", "orders", "--indirect-selection", "cautious").out()).contains("PASS=2");
        assertThat(smelt(Map.of("DBT_INDIRECT_SELECTION", "cautious"), "test", "-s", "orders").out()).contains("PASS=2");
        // Smelt's own variable wins over dbt's, and the flag over both
        assertThat(smelt(Map.of("DBT_INDIRECT_SELECTION", "cautious", "SMELT_INDIRECT_SELECTION", "eager"), "test", "-s", "orders")
                .out()).contains("PASS=3");
        assertThat(smelt(Map.of("DBT_INDIRECT_SELECTION", "eager"), "build", "-s", "orders", "--indirect-selection", "empty")
                .out()).contains("PASS=1");
        // before the command, as dbt's global flag; after it wins
        assertThat(smelt(Map.of(), "--indirect-selection", "cautious", "test", "-s", "orders").out()).contains("PASS=2");
        assertThat(smelt(Map.of(), "--indirect-selection", "cautious", "test", "-s", "orders", "--indirect-selection", "eager")
                .out()).contains("PASS=3");
    }

    @Test
    void anUnknownModeIsACommandLineError() {
        Result flag = TestingCli.inProject(project, "ls", "--indirect-selection", "lazy");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.err()).contains("expected one of eager, cautious, buildable, empty but was 'lazy'");
        Result env = TestingCli.inProject(project, Map.of("DBT_INDIRECT_SELECTION", "lazy"), "ls");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("$DBT_INDIRECT_SELECTION: unknown indirect selection 'lazy'").contains("unset DBT_INDIRECT_SELECTION");
    }

    private Result smelt(Map<String, String> environment, String... args) {
        Result result = TestingCli.inProject(project, environment, args);
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result;
    }

    private List<String> ls(String... args) {
        return TestingCli.lsNames(project, Map.of(), args);
    }
}
