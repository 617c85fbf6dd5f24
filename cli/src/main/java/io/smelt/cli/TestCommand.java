package io.smelt.cli;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Set;

/** {@code smelt test}. */
@picocli.CommandLine.Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the selected data tests.")
final class TestCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = {"-x", "--fail-fast"}, description = "Stop at the first failure.")
    boolean failFast;

    @Option(names = "--store-failures",
            description = "Store the failing rows of data tests in the database (tests whose config sets store_failures "
                    + "or store_failures_as follow their config).")
    boolean storeFailures;

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Override
    protected java.nio.file.Path junitXml() {
        return reports.junitXml;
    }

    @Override
    protected int execute() {
        return runNodes(Command.TEST, selection.toSelection(Set.of()), false, failFast, EventTimeRange.NONE, storeFailures);
    }
}
