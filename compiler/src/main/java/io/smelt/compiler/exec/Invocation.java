package io.smelt.compiler.exec;

import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.result.Command;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One command over a selection.
 *
 * @param fullRefresh {@code --full-refresh}: rebuild incremental models and reload seeds
 * @param failFast {@code --fail-fast}: stop at the first failure
 * @param eventTime {@code --event-time-start}/{@code --event-time-end} for microbatch models
 * @param warnErrors {@code --warn-error} / {@code --warn-error-options}
 * @param storeFailures {@code --store-failures}: data tests without a store_failures config keep their failing rows
 * @param empty {@code --empty}: ref() and source() read as subqueries of no rows, so models build empty
 * @param output {@code source freshness --output}: where sources.json goes instead of {@code target/sources.json}, or null
 */
public record Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast, EventTimeRange eventTime,
        WarnErrorOptions warnErrors, boolean storeFailures, boolean empty, Path output) {
    public Invocation {
        requireNonNull(command, "command is null");
        selection = selection == null ? Selection.all() : selection;
        eventTime = eventTime == null ? EventTimeRange.NONE : eventTime;
        warnErrors = warnErrors == null ? WarnErrorOptions.NONE : warnErrors;
    }

    public Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast, EventTimeRange eventTime,
            WarnErrorOptions warnErrors, boolean storeFailures, boolean empty) {
        this(command, selection, fullRefresh, failFast, eventTime, warnErrors, storeFailures, empty, null);
    }

    public Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast, EventTimeRange eventTime,
            WarnErrorOptions warnErrors, boolean storeFailures) {
        this(command, selection, fullRefresh, failFast, eventTime, warnErrors, storeFailures, false);
    }

    public Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast, EventTimeRange eventTime,
            WarnErrorOptions warnErrors) {
        this(command, selection, fullRefresh, failFast, eventTime, warnErrors, false);
    }

    public Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast, EventTimeRange eventTime) {
        this(command, selection, fullRefresh, failFast, eventTime, WarnErrorOptions.NONE);
    }

    public Invocation(Command command, Selection selection, boolean fullRefresh, boolean failFast) {
        this(command, selection, fullRefresh, failFast, EventTimeRange.NONE);
    }
}
