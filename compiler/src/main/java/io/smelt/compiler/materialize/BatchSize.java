package io.smelt.compiler.materialize;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A microbatch model's {@code batch_size}: the length of one batch, on UTC calendar boundaries. */
public enum BatchSize {
    HOUR("yyyyMMdd'T'HH"),
    DAY("yyyyMMdd"),
    MONTH("yyyyMM"),
    YEAR("yyyy");

    private final DateTimeFormatter id;

    BatchSize(String idPattern) {
        this.id = DateTimeFormatter.ofPattern(idPattern, Locale.ROOT);
    }

    /** The size a config value names, or null when it names none. */
    static BatchSize of(Object value) {
        if (value == null) {
            return null;
        }
        for (BatchSize size : values()) {
            if (size.configName().equals(value.toString().trim().toLowerCase(Locale.ROOT))) {
                return size;
            }
        }
        return null;
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start of the batch that holds {@code t}. */
    LocalDateTime truncate(LocalDateTime t) {
        return switch (this) {
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEAR -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
    }

    /** The start of the batch {@code n} batches after (before, when negative) the one that holds {@code t}. */
    LocalDateTime offset(LocalDateTime t, long n) {
        LocalDateTime start = truncate(t);
        return switch (this) {
            case HOUR -> start.plusHours(n);
            case DAY -> start.plusDays(n);
            case MONTH -> start.plusMonths(n);
            case YEAR -> start.plusYears(n);
        };
    }

    /** {@code t} when it starts a batch, else the start of the next batch. */
    LocalDateTime ceiling(LocalDateTime t) {
        LocalDateTime start = truncate(t);
        return start.equals(t) ? t : offset(t, 1);
    }

    /** dbt's batch id: the batch start as {@code 20241001} (day), {@code 20241001T13} (hour), {@code 202410}, {@code 2024}. */
    String id(LocalDateTime start) {
        return id.format(start);
    }
}
