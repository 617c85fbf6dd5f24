package io.smelt.cli;

import io.smelt.compiler.run.Command;
import io.smelt.compiler.run.EventTimeRange;

/** {@code smelt build}. */
@picocli.CommandLine.Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seeds, runs, snapshots and tests the selected nodes in DAG order.")
final class BuildCommand extends SelectingCommand {
    @picocli.CommandLine.Mixin
    EventTimeOptions eventTime = new EventTimeOptions();

    @Override
    protected Command command() {
        return Command.BUILD;
    }

    @Override
    protected EventTimeRange eventTime() {
        return eventTime.range();
    }
}
