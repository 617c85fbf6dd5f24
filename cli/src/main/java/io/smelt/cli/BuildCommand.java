package io.smelt.cli;

import io.smelt.compiler.run.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;

/** {@code smelt build}. */
@picocli.CommandLine.Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seeds, runs, snapshots and tests the selected nodes in DAG order.")
final class BuildCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    protected int execute() {
        return runNodes(Command.BUILD, selection.toSelection(Set.of()), run.fullRefresh, run.failFast);
    }
}
