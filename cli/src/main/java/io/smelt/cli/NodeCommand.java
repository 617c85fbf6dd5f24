package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.compiler.run.Command;
import io.smelt.compiler.run.EventTimeRange;
import io.smelt.compiler.run.Invocation;
import io.smelt.compiler.run.RunListener;
import io.smelt.compiler.run.RunSummary;
import io.smelt.compiler.run.Selection;
import io.smelt.compiler.run.Workspace;

/** A command that loads the project and acts on its nodes: parse, compile, run, seed, snapshot, test, build. */
abstract class NodeCommand extends BaseCommand {
    protected final int runNodes(Command command, Selection selection, boolean fullRefresh, boolean failFast) {
        return runNodes(command, selection, fullRefresh, failFast, EventTimeRange.NONE);
    }

    protected final int runNodes(Command command, Selection selection, boolean fullRefresh, boolean failFast,
            EventTimeRange eventTime) {
        Reporter reporter = reporter();
        reporter.header(Version.current());
        try (Workspace workspace = Workspace.load(projectOptions(), reporter)) {
            reporter.loaded(workspace.manifest());
            RunListener listener = reportsEachNode() || options().debug() || options().logFormat() == LogFormat.JSON
                    ? reporter
                    : new WithoutNodeLines(reporter);
            RunSummary summary = workspace.execute(new Invocation(command, selection, fullRefresh, failFast, eventTime), listener);
            afterRun(workspace, summary);
            // nothing selected: the workspace has warned, and dbt prints no summary either
            boolean ran = !summary.results().isEmpty();
            if (ran && (reportsEachNode() || !summary.success())) {
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

    /** Passes on messages but not per-node lines: dbt's compile and parse print none. */
    private record WithoutNodeLines(RunListener delegate) implements RunListener {
        @Override
        public void message(Level level, String text) {
            delegate.message(level, text);
        }
    }
}
