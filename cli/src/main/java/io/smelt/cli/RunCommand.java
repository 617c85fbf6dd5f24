package io.smelt.cli;

import io.smelt.compiler.run.Command;

/** {@code smelt run}. */
@picocli.CommandLine.Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the selected models in the target.")
final class RunCommand extends SelectingCommand {
    @Override
    protected Command command() {
        return Command.RUN;
    }
}
