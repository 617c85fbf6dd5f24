package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.cli.report.Annotations;
import io.smelt.cli.report.JUnitReport;
import io.smelt.cli.report.StepSummary;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/** A command that loads the project and acts on its nodes: parse, compile, run, seed, snapshot, test, build. */
abstract class NodeCommand extends BaseCommand {
    protected final int runNodes(Command command, Selection selection, boolean fullRefresh, boolean failFast) {
        return runNodes(command, selection, fullRefresh, failFast, EventTimeRange.NONE);
    }

    protected final int runNodes(Command command, Selection selection, boolean fullRefresh, boolean failFast,
            EventTimeRange eventTime) {
        return runNodes(command, selection, fullRefresh, failFast, eventTime, false);
    }

    protected final int runNodes(Command command, Selection selection, boolean fullRefresh, boolean failFast,
            EventTimeRange eventTime, boolean storeFailures) {
        return runNodes(command, selection, fullRefresh, failFast, eventTime, storeFailures, false);
    }

    /**
     * @param storeFailures {@code --store-failures}: data tests keep their failing rows unless their config says otherwise
     * @param empty {@code --empty}: ref() and source() read no rows
     */
    protected final int runNodes(Command command, Selection selection, boolean fullRefresh, boolean failFast,
            EventTimeRange eventTime, boolean storeFailures, boolean empty) {
        Reporter reporter = reporter();
        reporter.header(Version.current());
        try (Workspace workspace = Workspace.load(projectOptions(), reporter)) {
            reporter.loaded(workspace.manifest());
            RunListener listener = reportsEachNode() || options().debug() || options().logFormat() == LogFormat.JSON
                    ? reporter
                    : new WithoutNodeLines(reporter);
            RunSummary summary = workspace.execute(new Invocation(command, selection, fullRefresh, failFast, eventTime,
                    options().warnErrors(), storeFailures, empty), listener);
            afterRun(workspace, summary);
            if (!summary.results().isEmpty() || junitXml() != null) {
                ciReports(command, workspace, summary);
            }
            // nothing selected: the workspace has warned, and dbt prints no summary either
            boolean ran = !summary.results().isEmpty();
            if (ran && (reportsEachNode() || !summary.success())) {
                reporter.summary(summary);
            }
            return ExitCodes.forSummary(summary);
        }
    }

    /** {@code --junit-xml}'s file, or null when the command has no such option or it was not given. */
    protected Path junitXml() {
        return null;
    }

    /**
     * The reports CI systems read: the JUnit XML file when asked for; on GitHub Actions
     * ({@code GITHUB_ACTIONS=true}) an annotation per failure at the line that defines it, and a
     * Markdown summary appended to {@code GITHUB_STEP_SUMMARY} when that is set.
     */
    private void ciReports(Command command, Workspace workspace, RunSummary summary) {
        String name = command.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Path junit = junitXml();
        if (junit != null) {
            JUnitReport.write(context().resolve(junit), summary, "smelt " + name);
        }
        Map<String, String> env = context().environment();
        if ("true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""))) {
            Path repository = env.containsKey("GITHUB_WORKSPACE") ? Path.of(env.get("GITHUB_WORKSPACE")) : context().workingDirectory();
            for (String line : Annotations.github(summary, workspace.projectDir(), repository)) {
                out().println(line);
            }
            out().flush();
            String stepSummary = env.get("GITHUB_STEP_SUMMARY");
            if (stepSummary != null && !stepSummary.isBlank()) {
                try {
                    Files.writeString(Path.of(stepSummary), StepSummary.markdown(summary, name) + "\n", StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                catch (IOException e) {
                    reporter().message(RunListener.Level.WARN, "cannot append to GITHUB_STEP_SUMMARY (" + stepSummary + "): " + e.getMessage());
                }
            }
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
