package io.smelt.compiler.materialize;

import io.smelt.compiler.context.BatchWindow;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A microbatch model's config and the batches a run builds from it, as dbt 1.9 chooses them: from
 * {@code begin} on the first run or under --full-refresh, else the current batch and the
 * {@code lookback} batches before it; --event-time-start/--event-time-end replace either end.
 *
 * @param eventTime the model's event time column
 * @param begin the first event time a full build covers, UTC
 * @param lookback how many batches before the current one an incremental run rebuilds (0 or more)
 */
public record MicrobatchConfig(String eventTime, BatchSize batchSize, LocalDateTime begin, int lookback) {
    public MicrobatchConfig {
        requireNonNull(eventTime, "eventTime is null");
        requireNonNull(batchSize, "batchSize is null");
        requireNonNull(begin, "begin is null");
    }

    /** The model's config, or null after adding a problem for each value that is missing or wrong. */
    public static MicrobatchConfig check(Node node, List<Diagnostic> problems) {
        NodeConfig config = node.config();
        int before = problems.size();
        Object eventTime = config.get("event_time");
        if (eventTime == null || eventTime.toString().isBlank()) {
            problems.add(problem(node, "incremental_strategy 'microbatch' needs event_time, the model's event time column",
                    "set event_time to the column that holds each row's event time"));
        }
        Object size = config.get("batch_size");
        BatchSize batchSize = BatchSize.of(size);
        if (batchSize == null) {
            problems.add(problem(node, size == null ? "incremental_strategy 'microbatch' needs batch_size"
                    : "batch_size '" + size + "' is not one of hour, day, month, year", "set batch_size to hour, day, month or year"));
        }
        Object beginValue = config.get("begin");
        LocalDateTime begin = EventTimeRange.parse(beginValue);
        if (begin == null) {
            problems.add(problem(node, beginValue == null ? "incremental_strategy 'microbatch' needs begin, the start of its first batch"
                    : "begin '" + beginValue + "' is not a date or timestamp", "set begin to a date such as '2024-01-01' (UTC)"));
        }
        Object lookbackValue = config.get("lookback");
        int lookback = 1;
        if (lookbackValue != null) {
            Integer parsed = lookbackValue instanceof Number n && n.doubleValue() == n.intValue() ? Integer.valueOf(n.intValue())
                    : parseInt(lookbackValue.toString());
            if (parsed == null || parsed < 0) {
                problems.add(problem(node, "lookback '" + lookbackValue + "' is not a whole number of batches, 0 or more",
                        "set lookback to how many batches before the current one each run rebuilds (default 1)"));
            }
            else {
                lookback = parsed;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new MicrobatchConfig(eventTime.toString().trim(), batchSize, begin, lookback);
    }

    /**
     * The batches to build, oldest first.
     *
     * @param incremental the table exists and is not being rebuilt
     * @param range --event-time-start/--event-time-end
     * @param now the current time, UTC
     */
    public List<BatchWindow> batches(boolean incremental, EventTimeRange range, LocalDateTime now) {
        LocalDateTime end = batchSize.ceiling(range.end() != null ? range.end() : now);
        LocalDateTime start;
        if (range.start() != null) {
            start = batchSize.truncate(range.start());
        }
        else if (!incremental) {
            start = batchSize.truncate(begin);
        }
        else {
            // end is the next batch boundary after now, so the current batch is the one before it
            start = batchSize.offset(end, -(lookback + 1));
        }
        List<BatchWindow> batches = new ArrayList<>();
        for (LocalDateTime t = start; t.isBefore(end); t = batchSize.offset(t, 1)) {
            batches.add(new BatchWindow(batchSize.id(t), t, batchSize.offset(t, 1)));
        }
        return batches;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Diagnostic problem(Node node, String message, String hint) {
        return new Diagnostic(ErrorKind.PROJECT, node.definedAt(), message, hint);
    }
}
