package io.smelt.adapter.testing;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.result.Command;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
            SmeltException e = catchThrowableOfType(SmeltException.class, () -> run(workspace, Command.BUILD));
            assertThat(e).as("the build stops with the findings").isNotNull();
            assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.kind()).isEqualTo(ErrorKind.SQL));
            assertThat(e.diagnostics().stream().map(BaseSqlCheckContractTest::where).sorted().toList()).containsExactly(
                    "models/broken/ambiguous.sql:2:5 column 'id' is ambiguous: more than one relation here has it"
                            + " | qualify it with the table or alias it should come from",
                    "models/broken/downstream.sql:2:19 column 'name' not found",
                    "models/broken/through_jinja.sql:6:5 column 'team_idd' not found | did you mean 'team_id'?",
                    "models/broken/union_width.sql:3:8 the branches of this UNION select different numbers of columns"
                            + " | every branch must select the same number of columns, in the same order",
                    "models/broken/unknown_alias.sql:1:14 no table or alias 'q' here",
                    "models/broken/unknown_column.sql:5:5 column 'nmae' not found | did you mean 'name'?");
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
            for (String broken : List.of("ambiguous", "downstream", "through_jinja", "union_width", "unknown_alias", "unknown_column")) {
                assertThat(result(summary, broken).status()).as(broken).isEqualTo(NodeStatus.ERROR);
            }
            assertThat(rows(workspace, "select team_name, people, largest_rank, first_name from "
                    + relation(workspace, "people_teams") + " order by 1"))
                    .containsExactly("compilers|2|2|ada", "kernels|1|1|grace");
        }
        deleteBroken(project);
        try (Workspace workspace = load(project)) {
            assertSucceeded(run(workspace, Command.BUILD));
        }
    }

    private static String where(Diagnostic d) {
        String message = d.message().replaceFirst("^SQL check: ", "").replaceFirst(" in model \\w+$", "")
                .replaceFirst(" (in anything this query reads here|in \\S+)$", "");
        return d.at().file() + ":" + d.at().line() + ":" + d.at().column() + " " + message + (d.hint() == null ? "" : " | " + d.hint());
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
