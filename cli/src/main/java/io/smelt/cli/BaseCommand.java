package io.smelt.cli;

import io.smelt.cli.output.JsonReporter;
import io.smelt.cli.output.Palette;
import io.smelt.cli.output.ProgressLine;
import io.smelt.cli.output.Reporter;
import io.smelt.cli.output.TextReporter;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.RunListener;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** What every command shares: the global options, the context, the output and the exit code. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Mixin
    DbtCompatibilityOptions dbtFlags = new DbtCompatibilityOptions();

    private Reporter reporter;

    @Override
    public final Integer call() throws Exception {
        try {
            int code = execute();
            if (reporter != null) {
                reporter.completed(code == ExitCodes.OK);
            }
            return code;
        }
        finally {
            if (reporter != null) {
                reporter.close();
            }
        }
    }

    /** Does the work and returns the exit code; exceptions go to {@link FailureHandler}. */
    protected abstract int execute() throws Exception;

    final SmeltCommand root() {
        return (SmeltCommand) spec.root().userObject();
    }

    final CliContext context() {
        return root().cliContext();
    }

    /** The global options given after this subcommand, else those given before it. */
    final GlobalOptions options() {
        SmeltCommand root = root();
        return root == this ? global : global.over(root.global);
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Notices on stderr (debug messages left out), for commands whose stdout scripts read. */
    final RunListener noticesOnStderr() {
        return new RunListener() {
            @Override
            public void message(Level level, String text) {
                if (level != Level.DEBUG) {
                    err().println(text);
                }
            }
        };
    }

    final ProjectOptions projectOptions() {
        GlobalOptions options = options();
        if (options.threads != null && options.threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 or more, was " + options.threads);
        }
        ProjectOptions project = options.toProjectOptions(context(), reporter().invocationId());
        SmeltCommand root = root();
        Boolean partialParse = dbtFlags.partialParse != null ? dbtFlags.partialParse
                : root != this ? root.dbtFlags.partialParse : null;
        if (partialParse == null) {
            return project;
        }
        // as dbt's DBT_PARTIAL_PARSE; the flag wins over the variable
        java.util.Map<String, String> environment = new java.util.HashMap<>(project.environment());
        environment.put("DBT_PARTIAL_PARSE", partialParse.toString());
        return new ProjectOptions(project.projectDir(), project.profilesDir(), project.profile(), project.target(),
                project.varsYaml(), project.threads(), environment, project.invocationId());
    }

    final synchronized Reporter reporter() {
        if (reporter == null) {
            GlobalOptions options = options();
            CliContext context = context();
            try {
                Reporter console;
                if (options.logFormat() == LogFormat.JSON) {
                    console = new JsonReporter(out(), settings(options.logLevel()));
                }
                else {
                    ProgressLine progress = context.terminal() ? new ProgressLine(context.width()) : null;
                    console = new TextReporter(out(), Palette.of(options.colors(context)), options.debug(), options.quiet(), progress);
                }
                java.nio.file.Path logFile = options.logFile(context);
                reporter = logFile == null ? console
                        : JsonReporter.withLogFile(console, logFile, options.logFileFormat(context), settings(options.logFileLevel(context)));
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return reporter;
    }

    private JsonReporter.Settings settings(io.smelt.cli.output.LogLevel level) {
        return new JsonReporter.Settings(Version.current(), level, spec.qualifiedName(" "), LoggedArgs.of(spec), context().environment());
    }

    /** A path as the user would type it: relative to the project when inside it. */
    final String display(Path projectDir, Path path) {
        if (path.isAbsolute() && path.startsWith(projectDir)) {
            return projectDir.relativize(path).toString();
        }
        return path.toString();
    }
}
