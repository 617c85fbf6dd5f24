package io.smelt.cli;

import io.smelt.compiler.graph.IndirectSelection;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

import static java.util.Objects.requireNonNull;

/** {@code smelt}: the top command, holding the global options and the subcommands. */
@Command(
        name = "smelt",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs dbt projects, unmodified, on the JVM.",
        subcommands = {
                InitCommand.class,
                DebugCommand.class,
                ParseCommand.class,
                CompileCommand.class,
                RunCommand.class,
                SeedCommand.class,
                SnapshotCommand.class,
                CloneCommand.class,
                TestCommand.class,
                BuildCommand.class,
                LsCommand.class,
                LineageCommand.class,
                ShowCommand.class,
                RunOperationCommand.class,
                RetryCommand.class,
                SourceCommand.class,
                CleanCommand.class,
                DepsCommand.class,
                AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a model, seed, snapshot or test failed, 2 the project, profile or command line is wrong."})
public final class SmeltCommand extends BaseCommand {
    private final CliContext context;

    // dbt's global flag, so "smelt --indirect-selection cautious test" works as "dbt --indirect-selection ..." does
    @Option(names = "--indirect-selection", paramLabel = "MODE", converter = SelectionOptions.ModeConverter.class,
            completionCandidates = SelectionOptions.ModeCandidates.class,
            description = "As after a selecting command (build, compile, ls, run, seed, snapshot, test), which wins.")
    IndirectSelection indirectSelection;

    public SmeltCommand(CliContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    /** The command line, configured as {@link Main} runs it; callers set out and err. */
    public static CommandLine newCommandLine(CliContext context, boolean colors) {
        CommandLine commandLine = new CommandLine(new SmeltCommand(context));
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        FailureHandler failures = new FailureHandler();
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        // an option after "--select a b" is an option, and one Smelt does not know is an error, never a selector word
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        // "--log-level debug run": debug is the level here, not the debug command
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setColorScheme(Help.defaultColorScheme(colors ? Help.Ansi.ON : Help.Ansi.OFF));
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        return commandLine;
    }

    CliContext cliContext() {
        return context;
    }

    @Override
    protected int execute() {
        err().println("smelt: a command is needed.");
        spec.commandLine().usage(err());
        return ExitCodes.INVALID;
    }
}
