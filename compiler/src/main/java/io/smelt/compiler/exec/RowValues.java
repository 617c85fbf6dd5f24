package io.smelt.compiler.exec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Values as the text a unit test compares, the same from any engine and from YAML: numbers without
 * trailing zeros, {@code true}/{@code false}, dates and timestamps as ISO text with a space, null
 * as {@code null}. A timestamp at midnight reads as its date, since dbt casts the expected
 * {@code 2024-03-12} to the model's timestamp column and finds them equal.
 */
public final class RowValues {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})(:\\d{2})?(\\.\\d+)?");
    private static final String NULL = "\u0000null";

    private RowValues() {
    }

    static List<String> normalize(List<Object> row) {
        List<String> out = new ArrayList<>(row.size());
        row.forEach(value -> out.add(normalize(value)));
        return out;
    }

    static String normalize(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float || value instanceof BigInteger
                || value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return number(new BigDecimal(value.toString()));
        }
        if (value instanceof Timestamp timestamp) {
            return text(timestamp.toLocalDateTime().toString());
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof TemporalAccessor) {
            return text(value.toString());
        }
        return text(value.toString());
    }

    private static String text(String text) {
        String stripped = text.strip();
        if (stripped.equalsIgnoreCase("true") || stripped.equalsIgnoreCase("false")) {
            return stripped.toLowerCase(Locale.ROOT);
        }
        if (NUMBER.matcher(stripped).matches()) {
            return number(new BigDecimal(stripped));
        }
        var timestamp = TIMESTAMP.matcher(stripped);
        if (timestamp.matches()) {
            String seconds = timestamp.group(3) == null ? ":00" : timestamp.group(3);
            String fraction = timestamp.group(4) == null ? "" : timestamp.group(4).replaceAll("0+$", "");
            fraction = fraction.equals(".") ? "" : fraction;
            if (timestamp.group(2).equals("00:00") && seconds.equals(":00") && fraction.isEmpty()) {
                return timestamp.group(1);
            }
            return timestamp.group(1) + " " + timestamp.group(2) + seconds + fraction;
        }
        return text;
    }

    private static String number(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        return number.stripTrailingZeros().toPlainString();
    }

    /** A row for messages: {@code {id: 1, name: a}}. */
    static String format(List<String> columns, List<String> row) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            String value = row.get(i);
            out.append(columns.get(i)).append(": ").append(NULL.equals(value) ? "null" : value);
        }
        return out.append('}').toString();
    }
}
