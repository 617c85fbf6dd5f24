package io.smelt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smelt build}. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seeds, runs, snapshots and tests the selected nodes in DAG order.")
final class BuildCommand extends SelectingCommand {
    @Mixin
    EventTimeOptions eventTime = new EventTimeOptions();

    @Mixin
    StoreFailuresOption storeFailures = new StoreFailuresOption();

    @Mixin
    EmptyOption empty = new EmptyOption();

    @Mixin
    SqlCheckOption sqlCheck = new SqlCheckOption();
}
