package io.smelt.adapter.testing;

import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt unit tests on the engine under test, with the {@code unit_tests} fixture: dict, csv and sql
 * rows, inline and from files under tests/fixtures, an incremental model tested through {@code this}, and the order {@code build} keeps.
 */
public abstract class BaseUnitTestContractTest extends BaseProjectTest {
    @Test
    public void unitTestsPassOnLiteralsBeforeAnythingIsBuilt() {
        Path project = project("unit_tests");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.TEST, "test_type:unit");
            assertThat(summary.results()).extracting(r -> r.node().name() + "=" + r.status() + " " + r.message())
                    .contains("test_is_valid_email_address=PASS PASS", "test_sql_input_csv_expect=PASS PASS",
                            "test_new_orders_only=PASS PASS", "test_fixture_files=PASS PASS", "test_no_big_orders=PASS PASS",
                            "test_package_qualified_override=PASS PASS")
                    .hasSize(7);
            // rows: [] takes its columns from the input's relation, which is not built yet: dbt's error too
            assertThat(result(summary, "test_no_orders_at_all").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(summary, "test_no_orders_at_all").message())
                    .contains("not able to get the columns of ref('orders') for its empty rows");
        }
    }

    @Test
    public void anEmptyExpectationFailsWithEveryColumnOfTheRowsTheModelReturned() {
        Path project = project("unit_tests");
        replace(project, "- {order_id: 1, amount: 5}\n    expect:\n      rows: []", "- {order_id: 1, amount: 500}\n    expect:\n      rows: []");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            NodeResult failed = result(summary, "test_no_big_orders");
            assertThat(failed.status()).isEqualTo(NodeStatus.FAIL);
            assertThat(failed.failures()).isEqualTo(1);
            assertThat(failed.message()).contains("(columns: order_id, amount, threshold)")
                    .contains("unexpected (returned, not expected)").contains("+ {order_id: 1, amount: 500")
                    .doesNotContain("missing");
            assertThat(result(summary, "test_no_orders_at_all").status()).isEqualTo(NodeStatus.PASS);
            assertThat(result(summary, "test_package_qualified_override").status()).isEqualTo(NodeStatus.PASS);
            assertThat(result(summary, "big_orders").status()).isEqualTo(NodeStatus.SKIPPED);
        }
    }

    @Test
    public void buildRunsEachUnitTestAfterItsModelsParentsAndBeforeTheModel() {
        Path project = project("unit_tests");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            assertSucceeded(summary);
            assertThat(result(summary, "test_is_valid_email_address").index())
                    .isGreaterThan(result(summary, "stg_customers").index())
                    .isLessThan(result(summary, "dim_customers").index());
            assertThat(result(summary, "test_new_orders_only").index()).isLessThan(result(summary, "orders_incremental").index());
            assertThat(rows(workspace, "select customer_id, is_valid_email_address from " + relation(workspace, "dim_customers")
                    + " order by customer_id")).containsExactly("1|true", "2|false");
        }
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/manifest.json")), TestingDbtSchemas.MANIFEST);
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/run_results.json")),
                TestingDbtSchemas.RUN_RESULTS);
    }

    @Test
    public void aFailingUnitTestReportsTheRowDiffAndSkipsItsModel() {
        Path project = project("unit_tests");
        replace(project, "- {customer_id: 2, is_valid_email_address: false}", "- {customer_id: 2, is_valid_email_address: true}");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            NodeResult failed = result(summary, "test_is_valid_email_address");
            assertThat(failed.status()).isEqualTo(NodeStatus.FAIL);
            assertThat(failed.failures()).isEqualTo(2);
            assertThat(failed.message()).contains("- {customer_id: 2, is_valid_email_address: true}")
                    .contains("+ {customer_id: 2, is_valid_email_address: false}");
            assertThat(result(summary, "dim_customers").status()).isEqualTo(NodeStatus.SKIPPED);
            assertThat(result(summary, "orders_incremental").status()).isEqualTo(NodeStatus.SUCCESS);
            assertThat(summary.success()).isFalse();
        }
    }

    private static void replace(Path project, String from, String to) {
        try {
            Path file = project.resolve("models/unit_tests.yml");
            String text = Files.readString(file);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
