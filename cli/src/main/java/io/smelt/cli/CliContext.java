package io.smelt.cli;

import java.nio.file.Path;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What the process gives the command line: where it runs, its environment and what kind of
 * terminal it writes to. Tests build their own.
 *
 * @param workingDirectory the folder relative paths are resolved against
 * @param terminal true when a person watches the output (a console, not a pipe or a CI log)
 * @param width columns of the terminal, used for the progress line
 */
public record CliContext(Path workingDirectory, Map<String, String> environment, boolean terminal, int width) {
    public CliContext {
        requireNonNull(workingDirectory, "workingDirectory is null");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        width = width <= 0 ? 80 : width;
    }

    /** A context for tests: not a terminal, an empty environment. */
    public static CliContext of(Path workingDirectory) {
        return new CliContext(workingDirectory, Map.of(), false, 80);
    }

    public static CliContext fromProcess() {
        Map<String, String> env = System.getenv();
        boolean ci = isSet(env.get("CI")) || isSet(env.get("BUILD_NUMBER")) || isSet(env.get("GITHUB_ACTIONS"));
        boolean dumb = "dumb".equals(env.get("TERM"));
        boolean terminal = System.console() != null && !ci && !dumb;
        return new CliContext(Path.of("").toAbsolutePath(), env, terminal, columns(env.get("COLUMNS")));
    }

    /** Colours unless the user said otherwise (NO_COLOR, https://no-color.org) or nobody watches. */
    public boolean colorByDefault() {
        return terminal && !environment.containsKey("NO_COLOR");
    }

    public Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value) && !"0".equals(value);
    }

    private static int columns(String value) {
        try {
            return value == null ? 80 : Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            return 80;
        }
    }
}
