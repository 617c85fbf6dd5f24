package io.smelt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code smelt run}. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the selected models in the target.")
final class RunCommand extends SelectingCommand {
    @Mixin
    EventTimeOptions eventTime = new EventTimeOptions();

    @Mixin
    EmptyOption empty = new EmptyOption();

    @Mixin
    SqlCheckOption sqlCheck = new SqlCheckOption();
}
