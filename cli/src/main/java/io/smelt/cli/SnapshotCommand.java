package io.smelt.cli;

import io.smelt.compiler.result.Command;

/** {@code smelt snapshot}. */
@picocli.CommandLine.Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Records the changes of the selected snapshots' source rows (slowly changing dimensions, type 2).")
final class SnapshotCommand extends SelectingCommand {
    @picocli.CommandLine.Mixin
    EmptyOption empty = new EmptyOption();

    @Override
    protected boolean empty() {
        return empty.empty;
    }

    @Override
    protected Command command() {
        return Command.SNAPSHOT;
    }
}
