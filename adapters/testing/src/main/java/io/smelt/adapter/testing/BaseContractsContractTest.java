package io.smelt.adapter.testing;

import io.smelt.adapter.Column;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.Session;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Model contracts on the engine under test (the {@code contracts} fixture): a model meeting its
 * contract gets a table of the declared columns, in declared order, with the declared types; a
 * model breaking it fails before anything is written, naming each column and both types; the
 * constraints the engine enforces refuse a breaking row and leave the old table; a view is checked
 * but gets no constraints; an incremental model is checked on every run.
 */
public abstract class BaseContractsContractTest extends BaseProjectTest {
    private static final String ORDERS_OK = "select 'ann' as customer, 1 as id, cast(10.50 as decimal(10,2)) as amount\n";

    private final List<String> declaredTypesInCatalog;
    private final Set<String> enforcedConstraints;

    /**
     * @param declaredTypesInCatalog the catalog's types of {@code orders}' columns (declared {@code int},
     *     {@code varchar}, {@code decimal(10,2)})
     * @param enforcedConstraints the constraint types ({@code not_null}, {@code check}, ...) the engine
     *     refuses a breaking row for
     */
    protected BaseContractsContractTest(List<String> declaredTypesInCatalog, Set<String> enforcedConstraints) {
        this.declaredTypesInCatalog = List.copyOf(declaredTypesInCatalog);
        this.enforcedConstraints = Set.copyOf(enforcedConstraints);
    }

    /** The project with the SQL check off: these tests are about what the build checks against the engine. */
    private Workspace loadContracts(Path project) {
        return load(project).withSqlCheck(false);
    }

    @Test
    public void theSqlCheckFindsABreachBeforeAnythingRuns() {
        Path project = project("contracts");
        write(project.resolve("models/orders.sql"), "select 'ann' as customer, 'x' as id, 1 as note\n");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.RUN);
            NodeResult orders = result(summary, "orders");
            assertThat(orders.status()).isEqualTo(NodeStatus.ERROR);
            assertThat(orders.errorKind()).isEqualTo(io.smelt.compiler.diag.ErrorKind.SQL);
            assertThat(orders.errorAt().file().toString()).endsWith("schema.yml");
            assertThat(orders.message())
                    .contains("model 'orders' does not meet its contract (3 columns)")
                    .contains("id: declared int, returned VARCHAR")
                    .contains("amount: declared decimal(10,2), not returned by the model")
                    .contains("note: returned INTEGER, not declared in the contract")
                    .doesNotContain("customer:");
            assertThat(summary.results()).as("nothing ran: the rest is skipped, or refused by the check as well")
                    .allSatisfy(r -> assertThat(r.status() == NodeStatus.SKIPPED
                            || r.errorKind() == io.smelt.compiler.diag.ErrorKind.SQL).isTrue());
        }
    }

    @Test
    public void aModelMeetingItsContractGetsTheDeclaredColumnsInDeclaredOrder() {
        Path project = project("contracts");
        try (Workspace workspace = loadContracts(project)) {
            assertSucceeded(run(workspace, Command.RUN));
            List<Column> columns = catalogColumns(workspace, "orders");
            assertThat(columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList())
                    .as("declared order, not the SQL's").containsExactly("id", "customer", "amount");
            assertThat(columns.stream().map(c -> c.dataType().toLowerCase(Locale.ROOT).replace(" ", "")).toList())
                    .containsExactlyElementsOf(declaredTypesInCatalog.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
            assertThat(rows(workspace, "select id, customer, amount from " + relation(workspace, "orders") + " order by id"))
                    .containsExactly("1|ann|10.5", "2|bob|20");
            assertThat(rows(workspace, "select id from " + relation(workspace, "order_ids") + " order by id")).containsExactly("1", "2");
        }
    }

    @Test
    public void aBreachFailsNamingEachColumnAndBothTypesAndLeavesTheTable() {
        Path project = project("contracts");
        try (Workspace workspace = loadContracts(project)) {
            assertSucceeded(run(workspace, Command.RUN, "orders"));
        }
        write(project.resolve("models/orders.sql"), "select 'ann' as customer, 'x' as id, 1 as note\n");
        try (Workspace workspace = loadContracts(project)) {
            RunSummary summary = run(workspace, Command.RUN, "orders");
            NodeResult orders = result(summary, "orders");
            assertThat(orders.status()).isEqualTo(NodeStatus.ERROR);
            assertThat(orders.message())
                    .contains("model 'orders' does not meet its contract (3 columns)")
                    .containsPattern("id: declared int, returned (?i)(varchar|string)")
                    .contains("amount: declared decimal(10,2), not returned by the model")
                    .containsPattern("note: returned (?i)int(eger)?, not declared in the contract")
                    .doesNotContain("customer:");
            assertThat(rows(workspace, "select id, customer from " + relation(workspace, "orders") + " order by id"))
                    .as("the table of the run before").containsExactly("1|ann", "2|bob");
        }
    }

    @Test
    public void theConstraintsTheEngineEnforcesRefuseABreakingRowAndLeaveTheTable() {
        Path project = project("contracts");
        try (Workspace workspace = loadContracts(project)) {
            assertSucceeded(run(workspace, Command.RUN, "orders"));
        }
        write(project.resolve("models/orders.sql"), ORDERS_OK
                + "union all select 'cat' as customer, cast(null as integer) as id, cast(1 as decimal(10,2)) as amount\n");
        expectRefused(project, "not_null");
        write(project.resolve("models/orders.sql"), ORDERS_OK
                + "union all select 'cat' as customer, 3 as id, cast(-1 as decimal(10,2)) as amount\n");
        expectRefused(project, "check");
        write(project.resolve("models/orders.sql"), ORDERS_OK
                + "union all select 'cat' as customer, 1 as id, cast(1 as decimal(10,2)) as amount\n");
        expectRefused(project, "unique");
    }

    @Test
    public void eachConstraintTheEngineDoesNotEnforceIsWarnedAbout() {
        Path project = project("contracts");
        List<String> warnings = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void message(Level level, String text) {
                if (level == Level.WARN) {
                    warnings.add(text);
                }
            }
        };
        try (Workspace workspace = loadContracts(project)) {
            RunSummary summary = workspace.execute(new Invocation(Command.RUN, new Selection(List.of("orders"), List.of(), null), false, false),
                    listener);
            assertSucceeded(summary);
        }
        String engine = targetFields(tempDir, schema()).get("type").toString();
        for (String[] constraint : new String[][] {{"not_null", "id"}, {"unique", "id"}, {"check", "amount"}}) {
            String text = "orders: the " + constraint[0] + " constraint of column " + constraint[1] + " is not ";
            if (enforcedConstraints.contains(constraint[0])) {
                assertThat(warnings).noneMatch(w -> w.startsWith(text));
            }
            else {
                assertThat(warnings).anyMatch(w -> w.startsWith(text) && w.contains(" on " + engine));
            }
        }
    }

    private void expectRefused(Path project, String constraint) {
        try (Workspace workspace = loadContracts(project)) {
            NodeResult orders = result(run(workspace, Command.RUN, "orders"), "orders");
            if (enforcedConstraints.contains(constraint)) {
                assertThat(orders.status()).as(constraint + " is enforced: " + orders.message()).isEqualTo(NodeStatus.ERROR);
                assertThat(orders.message()).as("the engine's refusal names the constraint")
                        .containsPattern(Map.of("not_null", "(?i)not.?null", "check", "(?i)check", "unique", "(?i)unique|duplicate")
                                .get(constraint));
                assertThat(rows(workspace, "select id, customer from " + relation(workspace, "orders") + " order by id"))
                        .as("the table of the run before").containsExactly("1|ann", "2|bob");
                assertThat(kind(workspace, database(workspace, "orders"), schemaOf(workspace, "orders"), "orders__dbt_tmp"))
                        .as("no table left beside it").isEmpty();
            }
            else {
                assertThat(orders.status()).as(constraint + " is not enforced: " + orders.message()).isEqualTo(NodeStatus.SUCCESS);
                assertThat(count(workspace, "orders")).isEqualTo(2);
            }
        }
        write(project.resolve("models/orders.sql"), ORDERS_OK + "union all select 'bob' as customer, 2 as id, cast(20.00 as decimal(10,2)) as amount\n");
        try (Workspace workspace = loadContracts(project)) {
            assertSucceeded(run(workspace, Command.RUN, "orders"));
        }
    }

    @Test
    public void aContractedViewIsCheckedAndAnIncrementalModelOnEveryRun() {
        Path project = project("contracts");
        try (Workspace workspace = loadContracts(project)) {
            assertSucceeded(run(workspace, Command.RUN));
            assertThat(kind(workspace, database(workspace, "order_ids"), schemaOf(workspace, "order_ids"), "order_ids"))
                    .contains(RelationType.VIEW);
        }
        write(project.resolve("models/order_ids.sql"), "{{ config(materialized='view') }}\nselect customer as id from {{ ref('orders') }}\n");
        write(project.resolve("models/checked.sql"), "{{ config(materialized='checked_view') }}\nselect id, customer from {{ ref('orders') }}\n");
        write(project.resolve("models/order_events.sql"), "{{ config(materialized='incremental', unique_key='id') }}\n"
                + "select id, customer, amount from {{ ref('orders') }}\n");
        try (Workspace workspace = loadContracts(project)) {
            RunSummary summary = run(workspace, Command.RUN, "order_ids", "order_events", "checked");
            assertThat(result(summary, "checked").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(summary, "checked").message()).as("dbt's assert_columns_equivalent in a custom materialization")
                    .containsPattern("model 'checked' does not meet its contract \\(1 column\\):\\s+customer: returned (?i)(varchar|string)");
            assertThat(result(summary, "order_ids").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(summary, "order_ids").message()).containsPattern("id: declared int, returned (?i)(varchar|string)");
            assertThat(result(summary, "order_events").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(result(summary, "order_events").message()).containsPattern("amount: returned (?i)decimal\\(10, ?2\\), not declared");
            assertThat(rows(workspace, "select id from " + relation(workspace, "order_ids") + " order by id")).containsExactly("1", "2");
            assertThat(catalogColumns(workspace, "order_events").stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList())
                    .containsExactly("id", "customer");
        }
        write(project.resolve("models/order_events.sql"), "{{ config(materialized='incremental', unique_key='id') }}\n"
                + "select id, customer from {{ ref('orders') }}\n"
                + "union all select cast(null as integer) as id, 'nobody' as customer\n");
        try (Workspace workspace = loadContracts(project)) {
            NodeResult events = result(run(workspace, Command.RUN, "order_events"), "order_events");
            if (enforcedConstraints.contains("not_null")) {
                assertThat(events.status()).as(events.message()).isEqualTo(NodeStatus.ERROR);
                assertThat(events.message()).containsPattern("(?i)not.?null");
                assertThat(count(workspace, "order_events")).isEqualTo(2);
            }
            else {
                assertThat(events.status()).as(events.message()).isEqualTo(NodeStatus.SUCCESS);
            }
        }
    }

    @Test
    public void aContractDbtRefusesIsAProjectErrorAtItsLine() throws IOException {
        Path project = project("contracts");
        Path schema = project.resolve("models/schema.yml");
        String valid = Files.readString(schema);
        write(schema, valid.replace("        data_type: decimal(10,2)\n", ""));
        SmeltException untyped = catchThrowableOfType(SmeltException.class, () -> loadContracts(project).close());
        assertThat(untyped.first().kind()).isEqualTo(ErrorKind.PROJECT);
        assertThat(untyped.first().at().file()).isEqualTo(Path.of("models/schema.yml"));
        assertThat(untyped.first().at().line()).isEqualTo(15);
        assertThat(untyped.first().message()).contains("column 'amount' of model 'orders' has no data_type");
        write(schema, valid);
        write(project.resolve("models/order_ids.sql"), "{{ config(materialized='ephemeral') }}\nselect id from {{ ref('orders') }}\n");
        SmeltException ephemeral = catchThrowableOfType(SmeltException.class, () -> loadContracts(project).close());
        assertThat(ephemeral.first().message()).contains("model 'order_ids' is ephemeral and has an enforced contract");
        assertThat(ephemeral.first().at().line()).isEqualTo(21);
    }

    private List<Column> catalogColumns(Workspace workspace, String name) {
        try (Session session = workspace.openSession()) {
            return session.columns(new Relation(database(workspace, name), schemaOf(workspace, name), name, RelationType.TABLE));
        }
    }

    private static String schemaOf(Workspace workspace, String name) {
        return workspace.manifest().nodes().values().stream().filter(n -> n.name().equals(name)).findFirst()
                .map(Node::schema).orElseThrow();
    }
}
