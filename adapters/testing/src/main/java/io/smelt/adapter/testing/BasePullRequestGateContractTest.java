package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.adapter.Session;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.state.StateOptions;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pull-request gate, played whole on the engine under test (fixture {@code pr_gate}): production
 * is built with target {@code prod} and its artifacts kept; the project is then changed as a pull
 * request would change it, and the gate's command ({@code build --select state:modified+ --defer
 * --state prod-state}) runs with target {@code ci} into a second schema. It checks exactly which nodes
 * are selected, that refs to what was not rebuilt read production's relations (rows that exist only
 * there), and that whitespace-only and environment-only changes select nothing; then the same against
 * production's manifest as dbt-core writes it.
 */
public abstract class BasePullRequestGateContractTest extends BaseProjectTest {
    private static final List<String> CHANGED = List.of("orders", "order_summary", "customer_names", "big_orders",
            "customer_count", "new_model", "not_null_orders_id", "not_null_order_summary_customer_id");

    private String ciSchema() {
        return schema() + "_ci";
    }

    @Test
    public void aPullRequestBuildsWhatItChangedAndReadsTheRestFromProduction() throws IOException {
        Path project = gateProject();
        Path prodState = buildProduction(project);
        playThePullRequest(project, prodState, CHANGED);
    }

    /**
     * The same story against production's manifest as dbt-core writes it (the fixture's
     * {@code dbt-state/manifest.json}, with where this engine's production lives filled in). dbt's
     * manifest records no project vars, so the var change selects nothing there.
     */
    @Test
    public void theSameStoryAgainstAManifestDbtWrote() throws IOException {
        Path project = gateProject();
        Path smeltState = buildProduction(project);
        Path dbtState = dbtManifest(project, smeltState);
        playThePullRequest(project, dbtState, CHANGED.stream().filter(name -> !name.equals("big_orders")).toList());
    }

    private void playThePullRequest(Path project, Path prodState, List<String> changed) throws IOException {
        // whitespace and a comment only, and an environment that differs from production's
        edit(project, "models/stg_customers.sql", "-- staging: one row per customer\nselect id,\n       name\nfrom {{ ref('raw_customers') }}\n");
        try (Workspace ci = ci(project, "bob").withState(new StateOptions(prodState, null, false, false))) {
            assertThat(names(ci.select(selection("state:modified")))).as("whitespace, comments, target and env only").isEmpty();
        }

        changeLikeAPullRequest(project);
        try (Workspace ci = ci(project, "bob").withState(new StateOptions(prodState, null, true, false))) {
            Selection gate = selection("state:modified+");
            List<Node> selected = ci.select(gate);
            assertThat(names(selected)).containsExactlyInAnyOrderElementsOf(changed);
            Map<String, String> why = ci.explain(selected);
            assertThat(why).containsEntry("model.pr_gate.order_summary", "downstream of model.pr_gate.orders, which is modified")
                    .containsEntry("model.pr_gate.new_model", "new: the comparison manifest has no model.pr_gate.new_model")
                    .hasEntrySatisfying("model.pr_gate.customer_names", reason -> assertThat(reason)
                            .startsWith("modified: macros:").contains("macro.pr_gate.upper_name"));
            assertThat(why.entrySet()).filteredOn(e -> e.getKey().startsWith("test.pr_gate.not_null_order_summary"))
                    .extracting(Map.Entry::getValue)
                    .containsExactly("tests model.pr_gate.order_summary, downstream of model.pr_gate.orders, which is modified");

            RunSummary summary = ci.execute(new Invocation(Command.BUILD, gate, false, false), RunListener.NONE);
            assertSucceeded(summary);
            assertThat(summary.results()).extracting(r -> r.node().name()).containsExactlyInAnyOrderElementsOf(changed);
            assertThat(ci.deferredReads().keySet()).as("refs read from production")
                    .containsExactlyInAnyOrder("model.pr_gate.stg_orders", "model.pr_gate.stg_customers");

            // the staging models were not rebuilt in CI's schema: refs to them read production's, marker rows included
            assertThat(kind(ci, database(ci, "stg_orders"), ciSchema(), "stg_orders")).isEmpty();
            assertThat(rows(ci, "select id, amount from " + relation(ci, "orders") + " order by id"))
                    .containsExactly("1|12.5", "2|70", "3|3", "4|99", "99|123.4");
            assertThat(rows(ci, "select id from " + relation(ci, "new_model") + " order by id")).containsExactly("1", "2", "3", "99");
            assertThat(rows(ci, "select n from " + relation(ci, "customer_count"))).containsExactly("4");
            assertThat(rows(ci, "select id, display from " + relation(ci, "customer_names") + " order by id"))
                    .containsExactly("1|ANN", "2|BOB", "3|CY", "99|MARKER");
            if (changed.contains("big_orders")) {
                assertThat(rows(ci, "select id from " + relation(ci, "big_orders") + " order by id")).containsExactly("2", "4", "99");
            }
        }
    }

    /**
     * The fixture's dbt-written manifest, with each node's database, schema and relation name taken from
     * production as this engine built it, and checked against dbt's published schema.
     */
    private Path dbtManifest(Path project, Path smeltState) throws IOException {
        JsonNode built = TestingDbtSchemas.read(smeltState.resolve("manifest.json"));
        ObjectNode manifest = (ObjectNode) TestingDbtSchemas.read(project.resolve("dbt-state/manifest.json"));
        ((ObjectNode) manifest.get("metadata")).put("adapter_type", built.path("metadata").path("adapter_type").asText());
        manifest.get("nodes").fields().forEachRemaining(entry -> {
            JsonNode where = built.path("nodes").path(entry.getKey());
            assertThat(where.isMissingNode()).as("production built " + entry.getKey()).isFalse();
            ObjectNode node = (ObjectNode) entry.getValue();
            for (String field : List.of("database", "schema", "relation_name")) {
                node.set(field, where.get(field));
            }
        });
        TestingDbtSchemas.assertValid(manifest, TestingDbtSchemas.MANIFEST);
        Path state = tempDir.resolve("dbt-prod-state");
        Files.createDirectories(state);
        Files.writeString(state.resolve("manifest.json"), manifest.toPrettyString());
        return state;
    }

    /** Builds production with target prod and keeps its artifacts, then adds rows only production has. */
    private Path buildProduction(Path project) throws IOException {
        try (Workspace prod = workspace(project, "prod", "alice")) {
            assertSucceeded(prod.execute(new Invocation(Command.BUILD, Selection.all(), false, false), RunListener.NONE));
            String customers = relation(prod, "stg_customers");
            String orders = relation(prod, "stg_orders");
            try (Session session = prod.openSession()) {
                session.execute("insert into " + customers + " values (99, 'marker')", false, -1);
                session.execute("insert into " + orders + " values (99, 3, 12340)", false, -1);
            }
        }
        Path state = tempDir.resolve("prod-state");
        Files.createDirectories(state);
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, state.resolve(file.getFileName()));
            }
        }
        return state;
    }

    /** A model body, a macro two calls deep, a config, a project var, a new model and a deleted one. */
    private static void changeLikeAPullRequest(Path project) throws IOException {
        edit(project, "models/orders.sql", "select id, customer_id, {{ cents_to_dollars('amount_cents') }} as amount\n"
                + "from {{ ref('stg_orders') }}\nwhere id is not null\n");
        replace(project, "macros/names.sql", "upper({{ column }})", "upper(trim({{ column }}))");
        replace(project, "dbt_project.yml", "big_order_cents: 5000", "big_order_cents: 7000");
        replace(project, "models/schema.yml", "materialized: table", "materialized: view");
        edit(project, "models/new_model.sql", "select id from {{ ref('stg_customers') }}\n");
        Files.delete(project.resolve("models/obsolete.sql"));
    }

    private Path gateProject() throws IOException {
        Path project = project("pr_gate");
        String profile = "pr_gate:\n  target: prod\n  outputs:\n" + target("prod", schema()) + target("ci", ciSchema());
        Files.writeString(project.resolve("profiles.yml"), profile);
        return project;
    }

    private String target(String name, String schema) {
        StringBuilder yaml = new StringBuilder("    ").append(name).append(":\n");
        targetFields(tempDir, schema).forEach((key, value) -> yaml.append("      ").append(key).append(": ")
                .append(value instanceof Number || value instanceof Boolean ? value.toString() : "'" + String.valueOf(value).replace("'", "''") + "'")
                .append('\n'));
        return yaml.toString();
    }

    private Workspace ci(Path project, String owner) {
        return workspace(project, "ci", owner);
    }

    private Workspace workspace(Path project, String target, String owner) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tempDir.toString());
        env.put("GATE_OWNER", owner);
        return Workspace.load(new ProjectOptions(project, project, null, target, null, null, env), RunListener.NONE);
    }

    private static Selection selection(String select) {
        return new Selection(List.of(select), List.of(), null);
    }

    private static List<String> names(List<Node> nodes) {
        return nodes.stream().map(Node::name).toList();
    }

    private static void edit(Path project, String file, String text) {
        try {
            Files.writeString(project.resolve(file), text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path project, String file, String from, String to) throws IOException {
        String text = Files.readString(project.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(project.resolve(file), text.replace(from, to));
    }
}
