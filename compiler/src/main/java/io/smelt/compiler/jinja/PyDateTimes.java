package io.smelt.compiler.jinja;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Python datetime values for the context to hand to templates. */
public final class PyDateTimes {
    private PyDateTimes() {
    }

    /** A timezone-aware {@code datetime.datetime} in UTC, printing as {@code 2024-10-01 00:00:00+00:00}. */
    public static Object utc(LocalDateTime t) {
        return new PyDateTime.DateTime(t, ZoneOffset.UTC);
    }
}
