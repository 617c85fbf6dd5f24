package io.smelt.cli;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;

/** {@code smelt run}. */
@picocli.CommandLine.Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the selected models in the target.")
final class RunCommand extends SelectingCommand {
    @picocli.CommandLine.Mixin
    EventTimeOptions eventTime = new EventTimeOptions();

    @picocli.CommandLine.Mixin
    EmptyOption empty = new EmptyOption();

    @Override
    protected boolean empty() {
        return empty.empty;
    }

    @Override
    protected Command command() {
        return Command.RUN;
    }

    @Override
    protected EventTimeRange eventTime() {
        return eventTime.range();
    }
}
