package io.smelt.cli;

import io.smelt.compiler.result.Command;

/** {@code smelt seed}. */
@picocli.CommandLine.Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads the selected seed CSV files.")
final class SeedCommand extends SelectingCommand {
    @Override
    protected Command command() {
        return Command.SEED;
    }
}
