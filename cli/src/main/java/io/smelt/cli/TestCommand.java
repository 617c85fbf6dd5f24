package io.smelt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Set;

/** {@code smelt test}. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the selected data tests.")
final class TestCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = {"-x", "--fail-fast"}, description = "Stop at the first failure.")
    boolean failFast;

    @Mixin
    StoreFailuresOption storeFailures = new StoreFailuresOption();

    @Mixin
    StateFlags stateFlags = new StateFlags();

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Override
    protected Path junitXml() {
        return reports.junitXml;
    }

    @Override
    protected int execute() {
        return runNodes(selection.toSelection(Set.of(), context(), root().indirectSelection), false, failFast);
    }
}
