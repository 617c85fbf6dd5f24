package io.smelt.compiler.run;

import static java.util.Objects.requireNonNull;

/**
 * One command over a selection.
 *
 * @param fullRefresh {@code --full-refresh}: rebuild incremental models and reload seeds
 * @param failFast {@code --fail-fast}: stop at the first failure
 * @param eventTime {@code --event-time-start}/{@code --event-time-end} for microbatch models
 */
public record Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast, EventTimeRange eventTime) {
    public Invocation {
        requireNonNull(command, "command is null");
        selection = selection == null ? Selection.all() : selection;
        eventTime = eventTime == null ? EventTimeRange.NONE : eventTime;
    }

    public Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast) {
        this(command, selection, fullRefresh, failFast, EventTimeRange.NONE);
    }
}
