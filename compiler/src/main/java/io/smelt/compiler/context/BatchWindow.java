package io.smelt.compiler.context;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * One batch of a microbatch model: the event times {@code [start, end)} it builds, UTC.
 *
 * @param id dbt's batch id, such as {@code 20241001}
 */
public record BatchWindow(String id, LocalDateTime start, LocalDateTime end) {
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    public BatchWindow {
        requireNonNull(id, "id is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("batch start " + start + " is not before its end " + end);
        }
    }

    /** The start as a SQL timestamp literal's text, {@code 2024-10-01 00:00:00}. */
    public String startText() {
        return SQL.format(start);
    }

    /** The end as a SQL timestamp literal's text. */
    public String endText() {
        return SQL.format(end);
    }

    @Override
    public String toString() {
        return "[" + startText() + ", " + endText() + ")";
    }
}
