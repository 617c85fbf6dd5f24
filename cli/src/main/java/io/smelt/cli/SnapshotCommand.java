package io.smelt.cli;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.run.Command;

/** {@code smelt snapshot}: accepted so dbt users get a clear answer; snapshots come in a later release. */
@picocli.CommandLine.Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Records changes of the selected snapshots (not supported yet).")
final class SnapshotCommand extends SelectingCommand {
    @Override
    protected Command command() {
        return Command.SNAPSHOT;
    }

    @Override
    protected int execute() {
        throw new SmeltException(ErrorKind.COMMAND_LINE, null, "snapshots are not supported yet",
                "they come in a later release; run, build and test work on the rest of the project");
    }
}
