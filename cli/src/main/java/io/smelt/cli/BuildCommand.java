package io.smelt.cli;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;

/** {@code smelt build}. */
@picocli.CommandLine.Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seeds, runs, snapshots and tests the selected nodes in DAG order.")
final class BuildCommand extends SelectingCommand {
    @picocli.CommandLine.Mixin
    EventTimeOptions eventTime = new EventTimeOptions();

    @picocli.CommandLine.Option(names = "--store-failures",
            description = "Store the failing rows of data tests in the database (tests whose config sets store_failures "
                    + "or store_failures_as follow their config).")
    boolean storeFailures;

    @picocli.CommandLine.Mixin
    EmptyOption empty = new EmptyOption();

    @Override
    protected boolean empty() {
        return empty.empty;
    }

    @Override
    protected boolean storeFailures() {
        return storeFailures;
    }

    @Override
    protected Command command() {
        return Command.BUILD;
    }

    @Override
    protected EventTimeRange eventTime() {
        return eventTime.range();
    }
}
