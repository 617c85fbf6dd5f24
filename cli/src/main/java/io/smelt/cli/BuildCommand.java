package io.smelt.cli;

import io.smelt.compiler.run.Command;

/** {@code smelt build}. */
@picocli.CommandLine.Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seeds, runs, snapshots and tests the selected nodes in DAG order.")
final class BuildCommand extends SelectingCommand {
    @Override
    protected Command command() {
        return Command.BUILD;
    }
}
