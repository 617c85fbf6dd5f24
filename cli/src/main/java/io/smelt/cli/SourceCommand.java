package io.smelt.cli;

import picocli.CommandLine.Command;

/** {@code smelt source}: the commands about sources, as dbt's {@code dbt source}. */
@Command(name = "source", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Commands about sources: 'smelt source freshness' checks how recently each was loaded.",
        subcommands = {FreshnessCommand.class})
final class SourceCommand extends BaseCommand {
    @Override
    protected int execute() {
        err().println("smelt source: a subcommand is needed.");
        spec.commandLine().usage(err());
        return ExitCodes.INVALID;
    }
}
