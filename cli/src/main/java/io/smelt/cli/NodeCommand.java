package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.compiler.run.Command;
import io.smelt.compiler.run.Invocation;
import io.smelt.compiler.run.RunSummary;
import io.smelt.compiler.run.Selection;
import io.smelt.compiler.run.Workspace;

/** A command that loads the project and acts on its nodes: parse, compile, run, seed, snapshot, test, build. */
abstract class NodeCommand extends BaseCommand {
    protected final int runNodes(Command command, Selection selection, boolean fullRefresh, boolean failFast) {
        Reporter reporter = reporter();
        reporter.header(Version.current());
        try (Workspace workspace = Workspace.load(projectOptions(), reporter)) {
            reporter.loaded(workspace.manifest());
            RunSummary summary = workspace.execute(new Invocation(command, selection, fullRefresh, failFast), reporter);
            afterRun(workspace, summary);
            if (reportsEachNode() || !summary.success()) {
                reporter.summary(summary);
            }
            return ExitCodes.forSummary(summary);
        }
    }

    /** False for parse and compile, which say nothing per node unless something failed. */
    protected boolean reportsEachNode() {
        return true;
    }

    protected void afterRun(Workspace workspace, RunSummary summary) {
    }
}
