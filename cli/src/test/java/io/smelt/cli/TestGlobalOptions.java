package io.smelt.cli;

import io.smelt.compiler.project.ProjectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestGlobalOptions {
    @TempDir
    Path dir;

    @Test
    void optionsBeforeAndAfterTheSubcommandAreMerged() {
        BaseCommand run = parse("--threads", "3", "--profile", "p", "run", "-t", "prod", "--project-dir", "proj", "--vars", "{a: 1}");
        ProjectOptions options = run.projectOptions();
        assertThat(options.threads()).isEqualTo(3);
        assertThat(options.profile()).isEqualTo("p");
        assertThat(options.target()).isEqualTo("prod");
        assertThat(options.projectDir()).isEqualTo(dir.resolve("proj"));
        assertThat(options.varsYaml()).isEqualTo("{a: 1}");
        assertThat(options.environment()).containsEntry("HOME", "/home/x");
    }

    @Test
    void theSubcommandsValueWins() {
        BaseCommand run = parse("--threads", "3", "--log-format", "json", "run", "--threads", "5", "--log-format", "text");
        assertThat(run.projectOptions().threads()).isEqualTo(5);
        assertThat(run.options().logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void projectDirDefaultsToTheWorkingDirectory() {
        assertThat(parse("run").projectOptions().projectDir()).isEqualTo(dir);
    }

    @Test
    void colorsFollowTheFlagsThenTheTerminal() {
        CliContext terminal = new CliContext(dir, Map.of(), true, 80);
        assertThat(parse("run").options().colors(CliContext.of(dir))).isFalse();
        assertThat(parse("run").options().colors(terminal)).isTrue();
        assertThat(parse("--no-color", "run").options().colors(terminal)).isFalse();
        assertThat(parse("run", "--no-use-colors").options().colors(terminal)).isFalse();
        assertThat(parse("run", "--use-colors").options().colors(CliContext.of(dir))).isTrue();
        assertThat(new CliContext(dir, Map.of("NO_COLOR", "1"), true, 80).colorByDefault()).isFalse();
    }

    @Test
    void debugAndQuietApplyFromEitherSide() {
        assertThat(parse("--debug", "test").options().debug()).isTrue();
        assertThat(parse("test", "-q").options().quiet()).isTrue();
    }

    private BaseCommand parse(String... args) {
        CliContext context = new CliContext(dir, Map.of("HOME", "/home/x"), false, 80);
        CommandLine commandLine = SmeltCommand.newCommandLine(context, false);
        ParseResult result = commandLine.parseArgs(args);
        ParseResult last = result;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        return (BaseCommand) last.commandSpec().userObject();
    }
}
