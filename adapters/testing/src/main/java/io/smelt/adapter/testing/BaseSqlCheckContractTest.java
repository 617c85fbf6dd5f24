package io.smelt.adapter.testing;

import io.smelt.compiler.diag.ErrorKind;
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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL check on a real engine, through the sql_check fixture: each kind of finding is reported at
 * the model file's line and column (through the Jinja template), in the engine's own dialect,
 * before anything runs; the models that are fine build, and the engine agrees with every finding
 * when the check is turned off.
 */
public abstract class BaseSqlCheckContractTest extends BaseProjectTest {
    @Test
    public void everyFindingIsReportedAtTheModelFileBeforeAnythingRuns() {
        Path project = project("sql_check");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            List<NodeResult> findings = summary.results().stream().filter(r -> r.status() == NodeStatus.ERROR).toList();
            assertThat(findings).allSatisfy(r -> assertThat(r.errorKind()).isEqualTo(ErrorKind.SQL));
            assertThat(findings.stream().map(BaseSqlCheckContractTest::where).sorted().toList()).containsExactly(
                    "models/broken/ambiguous.sql:2:5 column 'id' is ambiguous: more than one relation here has it"
                            + " | qualify it with the table or alias it should come from",
                    "models/broken/downstream.sql:2:19 column 'name' not found",
                    "models/broken/spark_unknown.sql:2:14 column 'nmae' not found | did you mean 'name'?",
                    "models/broken/through_jinja.sql:6:5 column 'team_idd' not found | did you mean 'team_id'?",
                    "models/broken/union_width.sql:3:8 the branches of this UNION select different numbers of columns"
                            + " | every branch must select the same number of columns, in the same order",
                    "models/broken/unknown_alias.sql:1:14 no table or alias 'q' here",
                    "models/broken/unknown_column.sql:5:5 column 'nmae' not found | did you mean 'name'?");
            assertThat(summary.results()).filteredOn(r -> r.status() != NodeStatus.ERROR)
                    .as("everything else is skipped").allSatisfy(r -> assertThat(r.status()).isEqualTo(NodeStatus.SKIPPED));
            assertThat(kind(workspace, database(workspace, "people"), schema(), "people"))
                    .as("nothing ran: not even the seeds were loaded").isEmpty();
        }
    }

    @Test
    public void theEngineRefusesWhatTheCheckFoundAndBuildsTheRest() {
        Path project = project("sql_check");
        try (Workspace workspace = load(project)) {
            workspace.withSqlCheck(false);
            RunSummary summary = run(workspace, Command.BUILD);
            for (String broken : List.of("ambiguous", "downstream", "spark_unknown", "through_jinja", "union_width", "unknown_alias", "unknown_column")) {
                assertThat(result(summary, broken).status()).as(broken).isEqualTo(NodeStatus.ERROR);
            }
            assertThat(rows(workspace, "select team_name, people, largest_rank, first_name from "
                    + relation(workspace, "people_teams") + " order by 1"))
                    .containsExactly("compilers|2|2|ada", "kernels|1|1|grace");
            assertThat(rows(workspace, "select id, shout from " + relation(workspace, "spark_written") + " order by id"))
                    .containsExactly("1|ada!", "2|grace!", "3|linus!");
        }
        deleteBroken(project);
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
        }
    }

    @Test
    public void sourcesAreCheckedAgainstTheWarehouseAndAStaleCatalogCacheNeverMakesAFinding() throws IOException {
        Path project = project("sql_check");
        deleteBroken(project);
        Files.writeString(project.resolve("models/from_source.sql"), "select a from {{ source('raw', 'landed') }}\n");
        Files.writeString(project.resolve("models/sources.yml"),
                "sources:\n  - name: raw\n    schema: " + schema() + "\n    tables:\n      - name: landed\n");
        String landed;
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.SEED));
            landed = relation(workspace, "people").replace("people", "landed");
            execute(workspace, "create table " + landed + " as select 1 as a");
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(Files.readString(project.resolve("target/smelt_catalog.json"))).contains("landed");
            execute(workspace, "drop table " + landed);
            execute(workspace, "create table " + landed + " as select 1 as a, 2 as b");
        }
        // the cache still says the source has only a: the finding it leads to is checked against the warehouse
        Files.writeString(project.resolve("models/from_source.sql"), "select a, b from {{ source('raw', 'landed') }}\n");
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
            assertThat(rows(workspace, "select a, b from " + relation(workspace, "from_source"))).containsExactly("1|2");
        }
        Files.writeString(project.resolve("models/from_source.sql"), "select a, c from {{ source('raw', 'landed') }}\n");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            assertThat(result(summary, "from_source").errorKind()).isEqualTo(ErrorKind.SQL);
            assertThat(result(summary, "from_source").message()).contains("column 'c' not found");
        }
    }

    private static void execute(Workspace workspace, String sql) {
        try (io.smelt.adapter.Session session = workspace.openSession()) {
            session.execute(sql);
        }
    }

    private static String where(NodeResult r) {
        String[] lines = r.message().split("\n  hint: ");
        String message = lines[0].replaceFirst(" (in anything this query reads here|in \\S+)$", "");
        return r.errorAt().file() + ":" + r.errorAt().line() + ":" + r.errorAt().column() + " " + message
                + (lines.length > 1 ? " | " + lines[1] : "");
    }

    private static void deleteBroken(Path project) {
        try (Stream<Path> files = Files.walk(project.resolve("models/broken"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
