package io.smelt.adapter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Infers a seed column's type from its CSV values, for the engines that load seeds themselves: every
 * value narrows what the column can be, and the narrowest kind left wins (boolean, integer, bigint,
 * double, date, timestamp, else string), as the other engines' seed loaders infer. Each engine names
 * the kind in its own SQL.
 */
public final class SeedTypeGuess {
    /** What a column's values allow, narrowest first. */
    public enum Kind {
        BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, TIMESTAMP, STRING
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private boolean seen;
    private boolean bool = true;
    private boolean integer = true;
    private boolean bigint = true;
    private boolean number = true;
    private boolean date = true;
    private boolean timestamp = true;

    /** Narrows the guess by one value; null (an empty field) says nothing. */
    public void see(String value) {
        if (value == null) {
            return;
        }
        seen = true;
        bool &= value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
        if (bigint) {
            if (!INTEGER.matcher(value).matches()) {
                integer = false;
                bigint = false;
            }
            else if (integer) {
                long parsed = Long.parseLong(value);
                integer = parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE;
            }
        }
        number &= NUMBER.matcher(value).matches();
        date &= DATE.matcher(value).matches() && validDate(value);
        timestamp &= isTimestamp(value) && validDate(value.substring(0, 10));
    }

    /** The narrowest kind every value seen fits; a column of only empty fields is a string. */
    public Kind kind() {
        if (!seen) {
            return Kind.STRING;
        }
        if (bool) {
            return Kind.BOOLEAN;
        }
        if (integer) {
            return Kind.INTEGER;
        }
        if (bigint) {
            return Kind.BIGINT;
        }
        if (number) {
            return Kind.DOUBLE;
        }
        if (date) {
            return Kind.DATE;
        }
        return timestamp ? Kind.TIMESTAMP : Kind.STRING;
    }

    /** True for {@code 2024-03-01 12:00}, {@code 2024-03-01T12:00:00.5} and the like. */
    public static boolean isTimestamp(String value) {
        return TIMESTAMP.matcher(value).matches();
    }

    /** The type the seed's {@code column_types} give the column, matching its name exactly or else ignoring case; null if none. */
    public static String fixedType(Map<String, String> columnTypes, String name) {
        String type = columnTypes.get(name);
        if (type != null) {
            return type;
        }
        for (Map.Entry<String, String> entry : columnTypes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean validDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }
}
