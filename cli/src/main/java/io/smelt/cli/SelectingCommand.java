package io.smelt.cli;

import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.Set;

/**
 * A node command with the usual selection and run options: build, run, seed, snapshot, compile. Each
 * adds the flags it takes as mixins ({@link EmptyOption}, {@link EventTimeOptions},
 * {@link StoreFailuresOption}), which {@link NodeCommand#runNodes} reads.
 */
abstract class SelectingCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    StateFlags stateFlags = new StateFlags();

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Override
    protected int execute() {
        return runNodes(selection.toSelection(Set.of(), context(), root().indirectSelection), run.fullRefresh, run.failFast);
    }

    @Override
    protected Path junitXml() {
        return reports.junitXml;
    }
}
