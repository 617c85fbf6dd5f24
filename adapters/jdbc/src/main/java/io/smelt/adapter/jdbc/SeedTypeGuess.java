package io.smelt.adapter.jdbc;

import io.smelt.adapter.EngineException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Infers a seed column's type from its CSV values as dbt's agate type tester does: every value
 * narrows what the column can be, and the first kind left wins, in agate's order (number, date,
 * datetime, boolean, text). Numbers are integers (bigint past 32 bits, where dbt would overflow)
 * unless one has decimals; dates are {@code YYYY-MM-DD}; datetimes {@code YYYY-MM-DD HH:MM:SS} or
 * ISO 8601 with a {@code T} and no zone; a column of only nulls is an integer, agate's first type.
 * Each engine names the kind in its own SQL.
 */
public final class SeedTypeGuess {
    /** What a column's values allow, narrowest first. */
    public enum Kind {
        BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, TIMESTAMP, STRING
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // agate's "%Y-%m-%d %H:%M:%S", or ISO 8601 (isodate) with a T: seconds and fractions optional
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2}|T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)");

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

    /** The narrowest kind every value seen fits; a column of only nulls is an integer, as agate tests it. */
    public Kind kind() {
        if (!seen) {
            return Kind.INTEGER;
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

    /** A column of a seed's header with the kind its values allow. */
    public record Guessed(String name, Kind kind) {
    }

    /**
     * The header of a seed's CSV with each column's kind, read with {@link SeedCsv}.
     *
     * @throws EngineException when the file is empty, a header name is missing or a row is ragged
     */
    public static List<Guessed> guess(Path csvFile, char delimiter) {
        List<String> header;
        List<SeedTypeGuess> guesses = new ArrayList<>();
        try (SeedCsv csv = new SeedCsv(csvFile, delimiter)) {
            header = csv.next();
            if (header == null) {
                throw new EngineException(csvFile.getFileName() + " is empty: a seed needs a header line", null);
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i) == null || header.get(i).isBlank()) {
                    throw csv.recordError("column " + (i + 1) + " of the header has no name");
                }
                guesses.add(new SeedTypeGuess());
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() != header.size()) {
                    throw csv.recordError("has " + row.size() + " fields, the header has " + header.size());
                }
                for (int i = 0; i < row.size(); i++) {
                    guesses.get(i).see(row.get(i));
                }
            }
        }
        List<Guessed> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            columns.add(new Guessed(header.get(i), guesses.get(i).kind()));
        }
        return columns;
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
