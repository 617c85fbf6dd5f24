package io.smelt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smelt snapshot}. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Records the changes of the selected snapshots' source rows (slowly changing dimensions, type 2).")
final class SnapshotCommand extends SelectingCommand {
    @Mixin
    EmptyOption empty = new EmptyOption();
}
