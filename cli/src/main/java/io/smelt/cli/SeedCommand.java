package io.smelt.cli;

import io.smelt.compiler.run.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;

/** {@code smelt seed}. */
@picocli.CommandLine.Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads the selected seed CSV files.")
final class SeedCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    protected int execute() {
        return runNodes(Command.SEED, selection.toSelection(Set.of()), run.fullRefresh, run.failFast);
    }
}
