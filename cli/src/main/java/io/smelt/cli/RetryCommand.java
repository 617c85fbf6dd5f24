package io.smelt.cli;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.project.Vars;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.state.PreviousInvocation;
import io.smelt.compiler.state.StateOptions;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * {@code smelt retry}: runs again, with the previous invocation's command and flags, the nodes that
 * errored, failed or were skipped in it, as dbt-core's {@code task/retry.py}.
 */
@picocli.CommandLine.Command(name = "retry", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs again what errored, failed or was skipped in the previous run (target/run_results.json), "
                + "with that run's command (build, run, seed, snapshot, test, compile, clone or run-operation) and flags.",
                "Given to retry, --threads, --vars, --full-refresh, --warn-error and --warn-error-options replace the "
                        + "previous run's; --target and --profile must be the previous run's."})
final class RetryCommand extends NodeCommand {
    @Option(names = "--state", paramLabel = "DIR",
            description = "The folder of the run_results.json to retry (default: the project's target folder).")
    Path state;

    @Option(names = {"-f", "--full-refresh"}, description = "Run again with --full-refresh, whether or not the previous run had it.")
    boolean fullRefresh;

    private Command retried;

    @Override
    protected int execute() {
        GlobalOptions given = options();
        ProjectOptions own = projectOptions();
        Path dir = state == null ? Workspace.targetDir(own) : context().resolve(state);
        PreviousInvocation previous = PreviousInvocation.read(dir, state == null ? null : "--state " + state);
        retried = previous.command();
        ProjectOptions options = new ProjectOptions(own.projectDir(), own.profilesDir(),
                same("--profile", given.profile, previous.string("profile")), same("--target", given.target, previous.string("target")),
                given.vars != null ? given.vars : previous.json("vars"),
                given.threads != null ? given.threads : threads(previous), own.environment(), own.invocationId());
        if (retried == Command.RUN_OPERATION) {
            if (previous.toRetry(false).isEmpty()) {
                return nothingToRetry(own, previous);
            }
            String macro = previous.string("macro");
            if (macro == null) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, previous.file() + " names no macro in args.macro",
                        "call it with smelt run-operation MACRO --args YAML");
            }
            return RunOperationCommand.call(this, options, macro, Vars.parseCliVars(previous.json("args")));
        }
        List<String> ids = previous.toRetry(given.warnError);
        if (ids.isEmpty() && !previous.stoppedBeforeAnyNode()) {
            return nothingToRetry(own, previous);
        }
        WarnErrorOptions warnErrors = WarnErrorOptions.of(given.warnError,
                given.warnErrorOptions != null ? given.warnErrorOptions : previous.json("warn_error_options"));
        Invocation invocation = new Invocation(retried,
                new Selection(previous.list("select"), previous.list("exclude"), Set.of(), previous.string("selector")),
                fullRefresh || previous.flag("full_refresh"), previous.flag("fail_fast"),
                EventTimeRange.of(previous.string("event_time_start"), previous.string("event_time_end"), LocalDateTime.now(ZoneOffset.UTC)),
                warnErrors, previous.flag("store_failures"), previous.flag("empty"));
        StateOptions stateOptions = new StateOptions(path(previous.string("state")), path(previous.string("defer_state")),
                previous.flag("defer"), previous.flag("favor_state"));
        // an on-run-start hook failed, so no node ran: the whole selection is still to run
        return run(options, stateOptions, invocation, ids.isEmpty() ? null : ids);
    }

    @Override
    protected boolean reportsEachNode() {
        return retried != Command.COMPILE;
    }

    private int nothingToRetry(ProjectOptions own, PreviousInvocation previous) {
        reporter().note("Nothing to retry: no node errored, failed or was skipped in the previous " + previous.which()
                + " (" + display(own.projectDir(), previous.file()) + ").");
        return ExitCodes.OK;
    }

    /** The previous run's value of a flag retry cannot change: given again, it must be the same. */
    private String same(String flag, String given, String previous) {
        if (given != null && !given.equals(previous)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "retry runs on the previous run's "
                    + flag.substring(2) + " (" + (previous == null ? "the profile's default" : previous) + "), not " + flag + " " + given,
                    "retry without " + flag + ", or run the command itself with " + flag + " " + given);
        }
        return previous;
    }

    private static Integer threads(PreviousInvocation previous) {
        String threads = previous.string("threads");
        try {
            return threads == null ? null : Integer.valueOf(threads);
        }
        catch (NumberFormatException e) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, previous.file() + ": args.threads is not a number: " + threads,
                    "pass --threads N to retry");
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
