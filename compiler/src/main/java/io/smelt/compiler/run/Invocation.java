package io.smelt.compiler.run;

import static java.util.Objects.requireNonNull;

/**
 * One command over a selection.
 *
 * @param fullRefresh {@code --full-refresh}: rebuild incremental models and reload seeds
 * @param failFast {@code --fail-fast}: stop at the first failure
 */
public record Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast) {
    public Invocation {
        requireNonNull(command, "command is null");
        selection = selection == null ? Selection.all() : selection;
    }
}
