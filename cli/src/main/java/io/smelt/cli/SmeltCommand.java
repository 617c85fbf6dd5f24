package io.smelt.cli;

import io.smelt.compiler.graph.IndirectSelection;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code smelt}: the top command, holding the global options and the subcommands. */
@Command(
        name = "smelt",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs dbt projects, unmodified, on the JVM.",
        footer = {"", "Exit codes: 0 success, 1 a model, seed, snapshot or test failed, 2 the project, profile or command line is wrong."})
public final class SmeltCommand extends BaseCommand {
    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
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
            DocsCommand.class,
            ShowCommand.class,
            RunOperationCommand.class,
            RetryCommand.class,
            SourceCommand.class,
            CleanCommand.class,
            DepsCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class);
    private static final java.util.Set<String> HELP_WORDS = java.util.Set.of("--help", "-h", "--version", "-V", "help");

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
        return newCommandLine(context, colors, null);
    }

    /**
     * The command line for {@code args}. picocli reads every option of every command by reflection
     * when it builds them (a fifth of a second, on each start), so a command written first
     * ({@code smelt run ...}) builds only that command, when {@code args} parse with it; help, a
     * mistake to explain (which names other commands) and global options written first build all.
     */
    public static CommandLine forArgs(CliContext context, boolean colors, String[] args) {
        if (args.length > 0 && java.util.Arrays.stream(args).noneMatch(HELP_WORDS::contains)) {
            for (Class<?> command : SUBCOMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation != null && annotation.name().equals(args[0]) && command != CommandLine.HelpCommand.class
                        && command != AutoComplete.GenerateCompletion.class) {
                    CommandLine one = newCommandLine(context, colors, command);
                    try {
                        one.parseArgs(args);
                        return one;
                    }
                    catch (CommandLine.ParameterException e) {
                        break;
                    }
                }
            }
        }
        return newCommandLine(context, colors, null);
    }

    /** @param only the one subcommand to build, or null for every one */
    static CommandLine newCommandLine(CliContext context, boolean colors, Class<?> only) {
        CommandLine commandLine = new CommandLine(new SmeltCommand(context));
        for (Class<?> command : SUBCOMMANDS) {
            if (only == null || command == only) {
                commandLine.addSubcommand(command);
            }
        }
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        FailureHandler failures = new FailureHandler();
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        // an option after "--select a b" is an option, and one Smelt does not know is an error, never a selector word
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        // "--log-level debug run": debug is the level here, not the debug command
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setColorScheme(Help.defaultColorScheme(colors ? Help.Ansi.ON : Help.Ansi.OFF));
        CommandLine completion = commandLine.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(true);
        }
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
