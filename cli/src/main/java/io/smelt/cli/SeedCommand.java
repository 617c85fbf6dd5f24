package io.smelt.cli;

import picocli.CommandLine.Command;

/** {@code smelt seed}. */
@Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads the selected seed CSV files.")
final class SeedCommand extends SelectingCommand {
}
