package io.smelt.cli;

import io.smelt.compiler.run.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;

/** {@code smelt snapshot}. */
@picocli.CommandLine.Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Records changes of the selected snapshots.")
final class SnapshotCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    protected int execute() {
        return runNodes(Command.SNAPSHOT, selection.toSelection(Set.of()), run.fullRefresh, run.failFast);
    }
}
