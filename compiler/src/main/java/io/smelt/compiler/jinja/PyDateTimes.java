package io.smelt.compiler.jinja;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Python datetime values for the context to hand to templates. */
public final class PyDateTimes {
    private PyDateTimes() {
    }

    /** A timezone-aware {@code datetime.datetime} in UTC, printing as {@code 2024-10-01 00:00:00+00:00}. */
    public static Object utc(LocalDateTime t) {
        return new PyDateTime.DateTime(t, ZoneOffset.UTC);
    }

    /**
     * dbt's {@code run_started_at}: an aware UTC {@code datetime} to the microsecond, from an ISO instant
     * ({@code 2024-10-01T00:00:00.123456789Z}); other text is returned as it is.
     */
    public static Object utcInstant(String iso) {
        try {
            return utc(LocalDateTime.ofInstant(Instant.parse(iso), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return iso;
        }
    }

    /**
     * A value from the database as Python (agate) holds it: dates become {@code datetime.date}, timestamps
     * {@code datetime.datetime} (aware when the database gave an offset); anything else is returned as it is.
     */
    public static Object fromJava(Object value) {
        if (value instanceof LocalDate d) {
            return new PyDateTime.Date(d);
        }
        if (value instanceof LocalDateTime t) {
            return new PyDateTime.DateTime(t, null);
        }
        if (value instanceof OffsetDateTime t) {
            return new PyDateTime.DateTime(t.toLocalDateTime(), t.getOffset());
        }
        if (value instanceof ZonedDateTime t) {
            return new PyDateTime.DateTime(t.toLocalDateTime(), t.getOffset());
        }
        if (value instanceof Instant t) {
            return new PyDateTime.DateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC), ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return new PyDateTime.DateTime(t.toLocalDateTime(), null);
        }
        if (value instanceof java.sql.Date d) {
            return new PyDateTime.Date(d.toLocalDate());
        }
        return value;
    }
}
