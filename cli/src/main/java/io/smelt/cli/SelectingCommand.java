package io.smelt.cli;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;
import picocli.CommandLine.Mixin;

import java.util.Set;

/** A node command with the usual selection and run options: build, run, seed, compile. */
abstract class SelectingCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    ReportOptions reports = new ReportOptions();

    /** What this command does with the selected nodes. */
    protected abstract Command command();

    @Override
    protected int execute() {
        return runNodes(command(), selection.toSelection(Set.of()), run.fullRefresh, run.failFast, eventTime(), storeFailures(),
                empty());
    }

    /** {@code --empty}; false unless the command has the flag. */
    protected boolean empty() {
        return false;
    }

    /** {@code --store-failures}; false unless the command has the flag. */
    protected boolean storeFailures() {
        return false;
    }

    @Override
    protected java.nio.file.Path junitXml() {
        return reports.junitXml;
    }

    /** The microbatch range the command was given; none unless the command has the flags. */
    protected EventTimeRange eventTime() {
        return EventTimeRange.NONE;
    }
}
