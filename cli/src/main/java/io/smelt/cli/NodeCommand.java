package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.cli.report.Annotations;
import io.smelt.cli.report.JUnitReport;
import io.smelt.cli.report.StepSummary;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.state.StateOptions;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.openlineage.OpenLineageListener;
import io.smelt.compiler.openlineage.OpenLineageSettings;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A command that loads the project and acts on its nodes: parse, compile, run, seed, snapshot, test, build. */
abstract class NodeCommand extends BaseCommand {
    /**
     * Runs the command on the selected nodes, with the flags of the mixins it has: {@code --empty}
     * ({@link EmptyOption}), {@code --event-time-start/--event-time-end} ({@link EventTimeOptions}) and
     * {@code --store-failures} ({@link StoreFailuresOption}).
     */
    protected final int runNodes(Selection selection, boolean fullRefresh, boolean failFast) {
        EventTimeRange eventTime = mixin(EventTimeOptions.class).map(EventTimeOptions::range).orElse(EventTimeRange.NONE);
        boolean storeFailures = mixin(StoreFailuresOption.class).map(option -> option.storeFailures).orElse(false);
        boolean empty = mixin(EmptyOption.class).map(option -> option.empty).orElse(false);
        StateOptions state = mixin(StateFlags.class).map(flags -> flags.toOptions(context())).orElse(StateOptions.NONE);
        return run(projectOptions(), state, new Invocation(command(), selection, fullRefresh, failFast, eventTime,
                options().warnErrors(), storeFailures, empty, output()), null);
    }

    /**
     * Loads the project and runs the invocation, printing as the command's verb does.
     *
     * @param uniqueIds the nodes to run instead of the invocation's selection ({@code retry}), or null
     */
    protected final int run(ProjectOptions projectOptions, StateOptions state, Invocation invocation, Collection<String> uniqueIds) {
        Command command = invocation.command();
        Reporter reporter = reporter();
        reporter.header(Version.current());
        try (Workspace workspace = Workspace.load(projectOptions, reporter)) {
            workspace.withState(state);
            workspace.withSqlCheck(mixin(SqlCheckOption.class).map(option -> !option.off).orElse(true));
            StateFlags.warnings(state).forEach(warning -> reporter.message(RunListener.Level.WARN, warning));
            reporter.loaded(workspace.manifest());
            reporter.target(workspace.targetName(), workspace.threads());
            RunListener listener = reportsEachNode() || options().debug() || options().logFormat() == LogFormat.JSON
                    ? reporter
                    : new WithoutNodeLines(reporter);
            OpenLineageSettings openLineage = openLineageSettings();
            if (openLineage.enabled()) {
                listener = OpenLineageListener.around(listener, workspace, command, openLineage, Version.current());
            }
            RunSummary summary = uniqueIds == null ? workspace.execute(invocation, listener)
                    : workspace.execute(invocation, uniqueIds, listener);
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

    /** OpenLineage's configuration from this process's environment, working folder and home folder. */
    private OpenLineageSettings openLineageSettings() {
        Map<String, String> env = context().environment();
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return OpenLineageSettings.of(env, context().workingDirectory(), home == null ? null : Path.of(home));
    }

    /** What this command does with the nodes: the {@link Command} of its verb. */
    protected final Command command() {
        return Arrays.stream(Command.values()).filter(command -> command.verb().equals(spec.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Command for " + spec.name()));
    }

    protected final <T> Optional<T> mixin(Class<T> type) {
        return spec.mixins().values().stream().map(CommandSpec::userObject).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** {@code source freshness --output}'s file, or null. */
    protected Path output() {
        return null;
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
            // the runner reads workflow commands on stderr too, and stdout holds only events with --log-format json
            java.io.PrintWriter annotations = options().logFormat() == LogFormat.JSON ? err() : out();
            for (String line : Annotations.github(summary, workspace.projectDir(), repository)) {
                annotations.println(line);
            }
            annotations.flush();
            String stepSummary = env.get("GITHUB_STEP_SUMMARY");
            if (stepSummary != null && !stepSummary.isBlank()) {
                try {
                    Files.writeString(Path.of(stepSummary), StepSummary.markdown(summary, name, workspace.modifiedNodes(), workspace.changedColumns(), workspace.deferredReads()) + "\n", StandardOpenOption.CREATE,
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
