package io.smelt.cli;

import io.smelt.compiler.run.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;

/** {@code smelt run}. */
@picocli.CommandLine.Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the selected models in the target.")
final class RunCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    protected int execute() {
        return runNodes(Command.RUN, selection.toSelection(Set.of()), run.fullRefresh, run.failFast);
    }
}
