package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestSmeltCommand {
    @TempDir
    Path dir;

    @Test
    void helpListsCommandsAndGlobalOptions() {
        Result result = TestingCli.run(dir, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Usage: smelt")
                .contains("--project-dir", "--profiles-dir", "--profile", "--target", "--vars", "--threads", "--debug",
                        "--log-format", "--no-color", "use-colors", "--quiet")
                .contains("init", "debug", "parse", "compile", "run", "seed", "test", "build", "ls, list", "show",
                        "run-operation", "clean", "deps")
                .doesNotContain("generate-completion");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aCommandWrittenFirstIsTheOnlyOneBuiltWhenItsWordsParse() {
        CliContext context = CliContext.of(dir);
        assertThat(SmeltCommand.forArgs(context, false, new String[] {"run", "--select", "a", "b", "--threads", "2"})
                .getSubcommands()).containsOnlyKeys("run");
        // global options first, help, and a mistake (whose message names the commands that take an option) build them all
        assertThat(SmeltCommand.forArgs(context, false, new String[] {"--log-level", "debug", "run"}).getSubcommands())
                .containsKeys("run", "debug", "build");
        assertThat(SmeltCommand.forArgs(context, false, new String[] {"run", "--help"}).getSubcommands()).containsKey("build");
        assertThat(SmeltCommand.forArgs(context, false, new String[] {"run", "--no-such-option"}).getSubcommands())
                .containsKey("build");
    }

    @Test
    void subcommandHelpShowsItsOwnAndGlobalOptions() {
        Result result = TestingCli.run(dir, "run", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: smelt run", "--select", "--exclude", "--full-refresh", "--fail-fast", "--target");
    }

    @Test
    void helpCommandWorksToo() {
        Result result = TestingCli.run(dir, "help", "ls");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: smelt ls", "--resource-type", "--output");
    }

    @Test
    void version() {
        Result result = TestingCli.run(dir, "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("smelt 0.").contains("java 17");
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        Result result = TestingCli.run(dir);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("a command is needed", "Usage: smelt");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownOption() {
        Result result = TestingCli.run(dir, "run", "--bogus");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: unknown option '--bogus' for 'smelt run'", "hint: 'smelt run --help' lists the options");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownSubcommandSuggestsNearNames() {
        Result result = TestingCli.run(dir, "runn");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: unknown command 'runn'", "Did you mean", "smelt run", "Try 'smelt --help'");
    }

    @Test
    void threadsMustBeANumber() {
        Result result = TestingCli.run(dir, "run", "--threads", "abc");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for option '--threads': 'abc' is not an int");
    }

    @Test
    void threadsMustBePositive() {
        Result result = TestingCli.run(dir, "run", "--threads", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--threads must be 1 or more");
    }

    @Test
    void logFormatIsTextOrJson() {
        Result before = TestingCli.run(dir, "--log-format", "xml", "run");
        Result after = TestingCli.run(dir, "run", "--log-format=xml");
        for (Result result : new Result[] {before, after}) {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("Invalid value for option '--log-format': expected text or json but was 'xml'");
        }
    }

    @Test
    void lsOutputIsChecked() {
        Result result = TestingCli.run(dir, "ls", "--output", "yaml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected one of name, path, json, selector but was 'yaml'");
    }

    @Test
    void showNeedsSelectOrInline() {
        Result result = TestingCli.run(dir, "show");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("show needs either --select or --inline");
    }

    @Test
    void runOperationNeedsAMacroAndYamlMappingArgs() {
        assertThat(TestingCli.run(dir, "run-operation").err()).contains("Missing required parameter: 'MACRO'");
        Result notMapping = TestingCli.run(dir, "run-operation", "grant", "--args", "[1, 2]");
        assertThat(notMapping.exitCode()).isEqualTo(2);
        assertThat(notMapping.err()).contains("--args must be a YAML mapping");
        Result badYaml = TestingCli.run(dir, "run-operation", "grant", "--args", "{a: [}");
        assertThat(badYaml.exitCode()).isEqualTo(2);
        assertThat(badYaml.err()).contains("--args is not valid YAML");
    }

    @Test
    void unexpectedFailureIsAnInternalErrorWithoutStackTrace() {
        // a project folder with nothing in it; whatever the workspace throws, no stack trace leaks out
        Result result = TestingCli.run(dir, "run", "--project-dir", dir.resolve("missing").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void noAnsiEscapesWhenNotATerminal() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--bogus"}, {"frobnicate"}}) {
            Result result = TestingCli.run(dir, args);
            assertThat(result.out() + result.err()).doesNotContain("\u001b[");
        }
    }
}
