package io.smelt.cli;

import io.smelt.compiler.project.ProjectOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Flags every command accepts, before or after the subcommand ({@code smelt --debug run} and
 * {@code smelt run --debug}), as dbt accepts them. Mixed into the top command and each subcommand;
 * {@link #over} merges the two.
 */
public final class GlobalOptions {
    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "Folder holding dbt_project.yml (default: the current folder).")
    Path projectDir;

    @Option(names = "--profiles-dir", paramLabel = "DIR",
            description = "Folder holding profiles.yml (default: $DBT_PROFILES_DIR, then the project folder, then ~/.dbt).")
    Path profilesDir;

    @Option(names = "--profile", paramLabel = "NAME", description = "Profile to use instead of the project's.")
    String profile;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME", description = "Target of the profile to use.")
    String target;

    @Option(names = "--vars", paramLabel = "YAML", description = "Project variables as a YAML mapping, e.g. '{day: 2024-01-01}'.")
    String vars;

    @Option(names = "--threads", paramLabel = "N", description = "Nodes to run at once (default: the profile's).")
    Integer threads;

    @Option(names = "--debug", description = "Show debug messages, START lines and stack traces.")
    boolean debug;

    @Option(names = "--log-format", paramLabel = "FORMAT", converter = LogFormat.Converter.class,
            completionCandidates = LogFormat.Candidates.class,
            description = "text (default) or json: one JSON object per line and event on stdout.")
    LogFormat logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Lowest level of the events shown: debug, info (default), warn, error or none.")
    String logLevel;

    @Option(names = "--log-format-file", paramLabel = "FORMAT",
            description = "Format of the log file (<log-path>/dbt.log): debug (default), text or json. Giving it writes the file.")
    String logFormatFile;

    @Option(names = "--log-level-file", paramLabel = "LEVEL",
            description = "Lowest level of the events in the log file: debug (default), info, warn, error or none. Giving it writes the file.")
    String logLevelFile;

    @Option(names = "--use-colors", negatable = true,
            description = "Colour the output (default: only on a terminal). --no-use-colors turns it off.")
    Boolean useColors;

    @Option(names = "--no-color", description = "Do not colour the output.")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors (and what macros print).")
    boolean quiet;

    @Option(names = "--warn-error", description = "Make every warning an error (a test that would warn fails).")
    boolean warnError;

    @Option(names = "--target-path", paramLabel = "DIR",
            description = "Where compiled SQL and artifacts go, relative to the project (default: the project's target-path).")
    Path targetPath;

    @Option(names = "--log-path", paramLabel = "DIR", description = "Where logs go, relative to the project (default: the project's log-path).")
    Path logPath;

    @Option(names = "--warn-error-options", paramLabel = "YAML",
            description = "Which warnings are errors or silenced, e.g. '{\"error\": [\"LogTestResult\"], \"silence\": [\"NoNodesForSelectionCriteria\"]}'.")
    String warnErrorOptions;

    /** These options where given, else {@code outer}'s (the options given before the subcommand). */
    public GlobalOptions over(GlobalOptions outer) {
        GlobalOptions merged = new GlobalOptions();
        merged.projectDir = projectDir != null ? projectDir : outer.projectDir;
        merged.profilesDir = profilesDir != null ? profilesDir : outer.profilesDir;
        merged.profile = profile != null ? profile : outer.profile;
        merged.target = target != null ? target : outer.target;
        merged.vars = vars != null ? vars : outer.vars;
        merged.threads = threads != null ? threads : outer.threads;
        merged.debug = debug || outer.debug;
        merged.logFormat = logFormat != null ? logFormat : outer.logFormat;
        merged.logLevel = logLevel != null ? logLevel : outer.logLevel;
        merged.logFormatFile = logFormatFile != null ? logFormatFile : outer.logFormatFile;
        merged.logLevelFile = logLevelFile != null ? logLevelFile : outer.logLevelFile;
        merged.useColors = useColors != null ? useColors : outer.useColors;
        merged.noColor = noColor || outer.noColor;
        merged.quiet = quiet || outer.quiet;
        merged.warnError = warnError || outer.warnError;
        merged.warnErrorOptions = warnErrorOptions != null ? warnErrorOptions : outer.warnErrorOptions;
        merged.targetPath = targetPath != null ? targetPath : outer.targetPath;
        merged.logPath = logPath != null ? logPath : outer.logPath;
        return merged;
    }

    /** --warn-error and --warn-error-options, read (a bad value is a command-line error). */
    public io.smelt.compiler.diag.WarnErrorOptions warnErrors() {
        return io.smelt.compiler.diag.WarnErrorOptions.of(warnError, warnErrorOptions);
    }

    public boolean debug() {
        return debug;
    }

    public boolean quiet() {
        return quiet;
    }

    public LogFormat logFormat() {
        return logFormat == null ? LogFormat.TEXT : logFormat;
    }

    /**
     * The lowest level shown, as dbt decides it: error with --quiet, debug with --debug, else
     * --log-level (info by default).
     */
    public io.smelt.cli.output.LogLevel logLevel() {
        if (quiet) {
            return io.smelt.cli.output.LogLevel.ERROR;
        }
        if (debug) {
            return io.smelt.cli.output.LogLevel.DEBUG;
        }
        if (logLevel == null) {
            return io.smelt.cli.output.LogLevel.INFO;
        }
        io.smelt.cli.output.LogLevel level = io.smelt.cli.output.LogLevel.parse(logLevel);
        if (level == null) {
            throw new IllegalArgumentException("--log-level must be debug, info, warn, error or none, was '" + logLevel + "'");
        }
        return level;
    }

    /**
     * dbt's log file, {@code <log-path>/dbt.log} under the project, when asked for: by {@code --log-path},
     * {@code --log-format-file} or {@code --log-level-file}, or their {@code DBT_LOG_PATH},
     * {@code DBT_LOG_FORMAT_FILE} and {@code DBT_LOG_LEVEL_FILE} variables; null otherwise, and with
     * {@code --log-level-file none}.
     */
    public Path logFile(CliContext context) {
        Map<String, String> env = context.environment();
        String path = logPath != null ? logPath.toString() : env.get("DBT_LOG_PATH");
        boolean asked = path != null || logFormatFile != null || logLevelFile != null
                || env.containsKey("DBT_LOG_FORMAT_FILE") || env.containsKey("DBT_LOG_LEVEL_FILE");
        if (!asked || logFileLevel(context) == io.smelt.cli.output.LogLevel.NONE) {
            return null;
        }
        return projectDir(context).resolve(path != null ? path : "logs").resolve("dbt.log").normalize();
    }

    /** The log file's format: {@code debug} (dbt's default), {@code text} or {@code json}. */
    public String logFileFormat(CliContext context) {
        String format = logFormatFile != null ? logFormatFile : context.environment().getOrDefault("DBT_LOG_FORMAT_FILE", "debug");
        if (!java.util.List.of("debug", "text", "json").contains(format.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("--log-format-file must be debug, text or json, was '" + format + "'");
        }
        return format;
    }

    /** The log file's lowest level: debug unless --log-level-file says otherwise (--debug always debug). */
    public io.smelt.cli.output.LogLevel logFileLevel(CliContext context) {
        String text = logLevelFile != null ? logLevelFile : context.environment().getOrDefault("DBT_LOG_LEVEL_FILE", "debug");
        io.smelt.cli.output.LogLevel level = io.smelt.cli.output.LogLevel.parse(text);
        if (level == null) {
            throw new IllegalArgumentException("--log-level-file must be debug, info, warn, error or none, was '" + text + "'");
        }
        return debug ? io.smelt.cli.output.LogLevel.DEBUG : level;
    }

    public boolean colors(CliContext context) {
        if (noColor) {
            return false;
        }
        return useColors != null ? useColors : context.colorByDefault();
    }

    public Path projectDir(CliContext context) {
        return projectDir == null ? context.workingDirectory() : context.resolve(projectDir);
    }

    /** @param invocationId the id the logs use, so artifacts carry the same one */
    public ProjectOptions toProjectOptions(CliContext context, String invocationId) {
        return new ProjectOptions(
                projectDir(context),
                profilesDir == null ? null : context.resolve(profilesDir),
                profile,
                target,
                vars,
                threads,
                environment(context),
                invocationId);
    }

    /** The process environment, with --target-path and --log-path as dbt's DBT_TARGET_PATH / DBT_LOG_PATH (the flag wins). */
    private Map<String, String> environment(CliContext context) {
        if (targetPath == null && logPath == null) {
            return context.environment();
        }
        Map<String, String> environment = new HashMap<>(context.environment());
        if (targetPath != null) {
            environment.put("DBT_TARGET_PATH", targetPath.toString());
        }
        if (logPath != null) {
            environment.put("DBT_LOG_PATH", logPath.toString());
        }
        return environment;
    }
}
