package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --defer}, {@code --defer-state}, {@code --favor-state} and {@code clone} from the command line,
 * on the deferral fixture: production builds into schema {@code prod} of a DuckDB file, a pull request
 * into schema {@code pr} of the same file.
 */
class TestDeferCommands {
    @TempDir
    Path dir;

    private Path state;
    private Path pr;

    @BeforeEach
    void buildProduction() throws IOException {
        Path prod = TestingProjects.copy("deferral", dir.resolve("prod"), fields("prod"));
        Result built = TestingCli.inProject(prod, "build");
        assertThat(built.exitCode()).as(built.out() + built.err()).isZero();
        state = Files.createDirectories(dir.resolve("prod-state"));
        Files.copy(prod.resolve("target/manifest.json"), state.resolve("manifest.json"));
        pr = TestingProjects.copy("deferral", dir.resolve("pr"), fields("pr"));
    }

    @Test
    void runCompileAndShowReadProductionsRelationsOfNodesThisTargetLacks() throws IOException {
        Result run = TestingCli.inProject(pr, "run", "--select", "orders", "--defer", "--state", state.toString(), "--vars", "{label: pr}");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        Result compiled = TestingCli.inProject(pr, "compile", "--select", "orders", "--defer", "--defer-state", state.toString());
        assertThat(compiled.exitCode()).as(compiled.err()).isZero();
        assertThat(Files.readString(pr.resolve("target/compiled/deferral/models/orders.sql"))).contains("\"prod\".\"stg_orders\"")
                .as("defer_relation").contains("-- comparison relation: \"shared\".\"prod\".\"orders\"");

        Result undeferred = TestingCli.inProject(pr, "show", "--select", "stg_orders");
        assertThat(undeferred.exitCode()).as("raw_orders is not in schema pr").isEqualTo(1);
        Result shown = TestingCli.inProject(pr, "show", "--select", "stg_orders", "--defer", "--state", state.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("| prod ");
        Result inline = TestingCli.inProject(pr, "show", "--inline", "select built_in from {{ ref('orders') }}", "--defer", "--favor-state",
                "--state", state.toString());
        assertThat(inline.exitCode()).as(inline.err()).isZero();
        assertThat(inline.out()).contains("| prod ").doesNotContain("| pr ");
        Result graph = TestingCli.inProject(pr, "show", "--inline", "select '{{ graph.nodes[\"model.deferral.stg_orders\"].defer_relation.schema }}' as s",
                "--defer", "--state", state.toString());
        assertThat(graph.exitCode()).as(graph.err()).isZero();
        assertThat(graph.out()).as("graph carries defer_relation").contains("| prod ");
    }

    @Test
    void theStepSummaryListsWhatChangedWasBuiltAndWasReadFromProductionAndDebugSaysWhereEachRefWent() throws IOException {
        Path summaryFile = dir.resolve("step-summary.md");
        Map<String, String> env = onGitHub(summaryFile);
        Path orders = pr.resolve("models/orders.sql");
        Files.writeString(orders, Files.readString(orders).strip() + "\nwhere id is not null\n");
        Result run = TestingCli.inProject(pr, env, "--debug", "build", "--select", "state:modified", "--defer", "--state", state.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("model.deferral.stg_orders is read from the comparison run: \"shared\".\"prod\".\"stg_orders\"");
        assertThat(Files.readString(summaryFile)).contains("Modified against `--state` (1)")
                .contains("| `model.deferral.orders` | modified: body")
                .contains("<summary>Built (1)</summary>").contains("- `model.deferral.orders` as `")
                .contains("Read from the comparison run (`--defer`)")
                .contains("| `model.deferral.stg_orders` | `\"shared\".\"prod\".\"stg_orders\"` |")
                .as("orders was built, not read from production").doesNotContain("| `model.deferral.orders` | `\"")
                .as("the new filter feeds every column of orders, and nothing reads orders")
                .contains("<summary>Changed columns (4; 0 feed columns downstream)</summary>")
                .contains("| `orders.amount` | — |");
    }

    @Test
    void theStepSummaryListsTheDownstreamColumnsAChangedColumnFeeds() throws IOException {
        Path summaryFile = dir.resolve("step-summary.md");
        Map<String, String> env = onGitHub(summaryFile);
        Path staging = pr.resolve("models/stg_orders.sql");
        Files.writeString(staging, Files.readString(staging).replace("amount,", "amount * 2 as amount,"));
        Result run = TestingCli.inProject(pr, env, "build", "--select", "state:modified+", "--defer", "--state", state.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(Files.readString(summaryFile)).as("only amount changed; built_in and id did not")
                .contains("<summary>Changed columns (1; 1 feed columns downstream)</summary>")
                .contains("| `stg_orders.amount` | `orders.amount`, `orders_incremental.amount` |")
                .doesNotContain("`stg_orders.id`");
    }

    /** The environment of a GitHub Actions step whose summary goes to {@code summaryFile}. */
    private Map<String, String> onGitHub(Path summaryFile) {
        return Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", dir.toString(),
                "GITHUB_STEP_SUMMARY", summaryFile.toString(), "HOME", dir.toString());
    }

    @Test
    void cloneCreatesTheRelationsAndSaysWhatItDid() {
        Result clone = TestingCli.inProject(pr, "clone", "--state", state.toString());
        assertThat(clone.exitCode()).as(clone.out() + clone.err()).isZero();
        assertThat(clone.out()).contains("PASS=5");
        Result again = TestingCli.inProject(pr, "clone", "--state", state.toString(), "--select", "orders");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("OK cloned sql table model pr.orders").contains("[No-op: ").contains("exists");
        Result replaced = TestingCli.inProject(pr, "clone", "--state", state.toString(), "--select", "orders", "--full-refresh");
        assertThat(replaced.exitCode()).isZero();
        assertThat(replaced.out()).contains("[VIEW of \"shared\".\"prod\".\"orders\"");
    }

    @Test
    void dbtsEnvironmentVariablesStandForTheOptionsNotGiven() {
        Map<String, String> env = Map.of("DBT_DEFER", "true", "DBT_STATE", state.toString(), "HOME", dir.toString());
        Result run = TestingCli.inProject(pr, env, "run", "--select", "orders");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Result off = TestingCli.inProject(pr, env, "run", "--select", "orders", "--no-defer", "--full-refresh");
        assertThat(off.exitCode()).as("--no-defer wins over DBT_DEFER: stg_orders is not in schema pr").isEqualTo(1);

        Result bad = TestingCli.inProject(pr, Map.of("DBT_DEFER", "sometimes", "HOME", dir.toString()), "run");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("DBT_DEFER=sometimes is not a boolean");
    }

    @Test
    void favorStateWithoutDeferIsSaidToDoNothing() {
        Result run = TestingCli.inProject(pr, "seed", "--favor-state", "--state", state.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out() + run.err()).contains("--favor-state does nothing without --defer");
    }

    @Test
    void withoutAComparisonManifestDeferAndCloneAreCommandLineErrors() throws IOException {
        Result defer = TestingCli.inProject(pr, "run", "--defer");
        assertThat(defer.exitCode()).isEqualTo(2);
        assertThat(defer.err()).contains("--defer needs the artifacts of the run to defer to").contains("--state DIR");

        Result clone = TestingCli.inProject(pr, "clone");
        assertThat(clone.exitCode()).isEqualTo(2);
        assertThat(clone.err()).contains("clone needs the artifacts").contains("hint: add --state DIR");

        Path empty = Files.createDirectories(dir.resolve("empty-state"));
        Result noManifest = TestingCli.inProject(pr, "run", "--defer", "--state", empty.toString());
        assertThat(noManifest.exitCode()).isEqualTo(2);
        assertThat(noManifest.err()).contains("--state " + empty + " has no manifest.json");
        Result cloneNoManifest = TestingCli.inProject(pr, "clone", "--state", empty.toString());
        assertThat(cloneNoManifest.exitCode()).isEqualTo(2);
        assertThat(cloneNoManifest.err()).contains("has no manifest.json");

        assertThat(pr.resolve("target/run_results.json")).as("nothing ran").doesNotExist();
    }

    private Map<String, Object> fields(String schema) {
        return Map.of("type", "duckdb", "path", dir.resolve("shared.duckdb").toString(), "schema", schema);
    }
}
