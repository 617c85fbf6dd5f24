package io.smelt.cli.output;

import java.util.Locale;

/** dbt's event levels, lowest first; {@code none} logs nothing ({@code --log-level none}). */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR, NONE;

    /** As dbt spells it in {@code info.level}. */
    public String spelled() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when an event of {@code level} is written to a log set to this level. */
    public boolean admits(LogLevel level) {
        return this != NONE && level.ordinal() >= ordinal();
    }

    /** {@code debug}, {@code info}, {@code warn}, {@code error} or {@code none}; null for anything else. */
    public static LogLevel parse(String text) {
        for (LogLevel level : values()) {
            if (level.spelled().equalsIgnoreCase(text)) {
                return level;
            }
        }
        return null;
    }
}
