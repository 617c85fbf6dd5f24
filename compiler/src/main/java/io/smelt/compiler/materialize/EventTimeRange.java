package io.smelt.compiler.materialize;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Date;

/**
 * {@code --event-time-start} and {@code --event-time-end}: the event times microbatch models build
 * instead of the batches their config picks. Times are UTC, as in dbt.
 *
 * @param start the first event time to build, or null to start where the model's config says
 * @param end the event time to build up to (exclusive), or null for now
 */
public record EventTimeRange(LocalDateTime start, LocalDateTime end) {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    /** No range: each model's config decides. */
    public static final EventTimeRange NONE = new EventTimeRange(null, null);

    /**
     * The range the two flags give, checked as dbt checks them: a start must come before the end, or
     * before now when only the start is given.
     *
     * @param start {@code --event-time-start} as written, or null
     * @param end {@code --event-time-end} as written, or null
     * @param now the current time, UTC
     * @throws SmeltException a command-line error, when a value is not a date or timestamp or the range is empty
     */
    public static EventTimeRange of(String start, String end, LocalDateTime now) {
        LocalDateTime from = start == null ? null : flag("--event-time-start", start);
        LocalDateTime to = end == null ? null : flag("--event-time-end", end);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "Value for `--event-time-start` (" + start
                    + ") must be less than `--event-time-end` (" + end + ")", "give a start before the end");
        }
        if (from != null && to == null && !from.isBefore(now)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "Value for `--event-time-start` (" + start
                    + ") must be less than the current time (" + now + " UTC) when `--event-time-end` is not given",
                    "give a start in the past, or set --event-time-end");
        }
        return new EventTimeRange(from, to);
    }

    private static LocalDateTime flag(String name, String value) {
        LocalDateTime parsed = parse(value);
        if (parsed == null) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, name + " '" + value + "' is not a date or timestamp",
                    "write it as 2024-10-01 or 2024-10-01T13:00:00 (UTC unless it has an offset)");
        }
        return parsed;
    }

    /**
     * A date or timestamp as UTC: text such as {@code 2024-10-01}, {@code 2024-10-01 13:00:00} or
     * {@code 2024-10-01T13:00:00+02:00}, or a value YAML already read as a date; null when it is none.
     */
    static LocalDateTime parse(Object value) {
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value == null) {
            return null;
        }
        try {
            var parsed = TIMESTAMP.parse(value.toString().trim());
            LocalDateTime local = LocalDateTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return local;
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
