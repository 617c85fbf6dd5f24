package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Options after a many-valued option such as {@code --select a b} are options; unknown ones are errors. */
class TestUnknownOptions {
    @TempDir
    Path dir;

    @Test
    void anOptionAfterSeveralSelectorsIsParsedAsAnOption() {
        SelectingCommand run = parse("run", "--select", "a", "b", "--threads", "2");
        assertThat(run.selection.select()).containsExactly("a", "b");
        assertThat(run.projectOptions().threads()).isEqualTo(2);

        SelectingCommand refresh = parse("run", "-s", "a", "--full-refresh");
        assertThat(refresh.selection.select()).containsExactly("a");
        assertThat(refresh.run.fullRefresh).isTrue();

        SelectingCommand models = parse("run", "-m", "a", "--models", "b", "--model", "c", "-f");
        assertThat(models.selection.select()).as("dbt's older names for --select").containsExactly("a", "b", "c");
        assertThat(models.run.fullRefresh).isTrue();

        SelectingCommand build = parse("build", "--exclude", "c", "d", "-x", "-s", "e", "--debug");
        assertThat(build.selection.exclude()).containsExactly("c", "d");
        assertThat(build.selection.select()).containsExactly("e");
        assertThat(build.run.failFast).isTrue();
        assertThat(build.options().debug()).isTrue();
    }

    @Test
    void aDbtOptionSmeltLacksIsAnErrorNotASelectorNorSilentlyIgnored() {
        Path project = project();

        Result defer = TestingCli.inProject(project, "run", "--select", "a", "--defer", "--state", "prod-artifacts");
        assertThat(defer.exitCode()).isEqualTo(2);
        assertThat(defer.err()).contains("--state " + project.resolve("prod-artifacts") + ": no such folder");
        assertThat(defer.out()).doesNotContain("OK created");
        assertThat(project.resolve("target/run_results.json")).doesNotExist();

        Result empty = TestingCli.inProject(project, "seed", "--empty");
        assertThat(empty.exitCode()).as("dbt's seed has no --empty").isEqualTo(2);
        assertThat(empty.err()).contains("unknown option '--empty' for 'smelt seed'");

        Result state = TestingCli.inProject(project, "ls", "--stat=prod-artifacts");
        assertThat(state.exitCode()).isEqualTo(2);
        assertThat(state.err()).contains("unknown option '--stat' for 'smelt ls'").contains("--state");
    }

    @Test
    void aMisspeltOptionGetsTheClosestOneAsHint() {
        Result result = TestingCli.inProject(project(), "run", "-s", "a", "--full-refres");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: unknown option '--full-refres' for 'smelt run'")
                .contains("hint: did you mean '--full-refresh'?");

        Result unknown = TestingCli.inProject(project(), "--debug", "test", "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option '--frobnicate' for 'smelt test'")
                .contains("hint: 'smelt test --help' lists the options");

        Result beforeCommand = TestingCli.inProject(project(), "--exclude", "a", "test");
        assertThat(beforeCommand.exitCode()).isEqualTo(2);
        assertThat(beforeCommand.err()).contains("unknown option '--exclude' for 'smelt'")
                .contains("hint: it is an option of build, clone, compile, ls, run, seed, snapshot, test: write it after the command, "
                        + "as in 'smelt build --exclude ...'");
    }

    @Test
    void valuesThatStartWithADashAreStillValues() throws Exception {
        Path project = project();
        Result built = TestingCli.inProject(project, "run", "-s", "a");
        assertThat(built.exitCode()).as(built.err()).isZero();

        Result shown = TestingCli.inProject(project, "show", "-s", "a", "--limit", "-1");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("| id |");
        assertThat(Files.exists(project.resolve("target/run_results.json"))).isTrue();
    }

    @Test
    void dbtFlagsThatChangeNothingAreAcceptedAndTargetPathMovesTheArtifacts() {
        Path project = project();

        Result built = TestingCli.inProject(project, "--no-version-check", "--log-level", "debug", "run", "-s", "a",
                "--no-partial-parse", "--no-send-anonymous-usage-stats", "--no-populate-cache", "--log-level-file=none",
                "--target-path", "ci-target", "--no-write-json");

        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.out()).contains("PASS=1");
        assertThat(project.resolve("ci-target/run_results.json")).exists();
        assertThat(project.resolve("target/run_results.json")).doesNotExist();
    }

    private Path project() {
        Path into = dir.resolve("p" + System.nanoTime());
        return TestingProjects.copy("crossed_tests", into, Map.of("type", "duckdb", "path", into.resolve("x.duckdb").toString()));
    }

    private SelectingCommand parse(String... args) {
        CommandLine commandLine = SmeltCommand.newCommandLine(CliContext.of(dir), false);
        ParseResult last = commandLine.parseArgs(args);
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        return (SelectingCommand) last.commandSpec().userObject();
    }
}
