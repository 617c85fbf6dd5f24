package io.smelt.cli;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.state.StateOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code --state}, {@code --defer}, {@code --defer-state} and {@code --favor-state}, as dbt spells them,
 * each also read from dbt's environment variable ({@code DBT_STATE}, {@code DBT_DEFER},
 * {@code DBT_DEFER_STATE}, {@code DBT_FAVOR_STATE}) when the option is not given.
 */
public final class StateFlags {
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "f", "no", "n", "off");

    @Option(names = "--state", paramLabel = "DIR",
            description = "The artifacts (manifest.json, run_results.json, sources.json) of the run to compare with: "
                    + "state:, result: and source_status: selectors read them, and --defer too unless --defer-state is given. "
                    + "Default: $DBT_STATE.")
    Path state;

    @Option(names = "--defer", negatable = true, description = "Read a ref() to a model, seed or snapshot that this target has not "
            + "built from its relation in the --state (or --defer-state) manifest. Default: off ($DBT_DEFER).")
    Boolean defer;

    @Option(names = "--defer-state", paramLabel = "DIR",
            description = "The artifacts --defer reads, when they are not those of --state. Default: $DBT_DEFER_STATE.")
    Path deferState;

    @Option(names = "--favor-state", negatable = true, description = "With --defer, read the state's relation of every node that "
            + "is not selected, even when this target has one. Default: off ($DBT_FAVOR_STATE).")
    Boolean favorState;

    /** What the options will not do, to say before the run. */
    static List<String> warnings(StateOptions options) {
        return options.favorState() && !options.defer() ? List.of("--favor-state does nothing without --defer") : List.of();
    }

    /** @throws SmeltException when an environment variable is not a boolean (exit 2) */
    StateOptions toOptions(CliContext context) {
        Map<String, String> env = context.environment();
        Path stateDir = state != null ? state : path(env, "DBT_STATE");
        Path deferDir = deferState != null ? deferState : path(env, "DBT_DEFER_STATE");
        return new StateOptions(stateDir == null ? null : context.resolve(stateDir), deferDir == null ? null : context.resolve(deferDir),
                defer != null ? defer : bool(env, "DBT_DEFER"), favorState != null ? favorState : bool(env, "DBT_FAVOR_STATE"));
    }

    private static Path path(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word) || FALSE.contains(word)) {
            return TRUE.contains(word);
        }
        throw new SmeltException(ErrorKind.COMMAND_LINE, null, name + "=" + value + " is not a boolean",
                "set " + name + " to true or false (or 1/0, yes/no), or unset it");
    }
}
