package io.smelt.adapter.trino;

import io.trino.jdbc.Row;
import io.trino.jdbc.RowField;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the values the Trino driver returns into the JDBC-neutral values {@link
 * io.smelt.adapter.QueryResult} promises.
 *
 * <p>Every integer type becomes {@code Long}, {@code real} a {@code Double} (through its decimal
 * text, so 1.1 stays 1.1), {@code date} a {@code LocalDate}, {@code timestamp} a {@code
 * LocalDateTime} and {@code timestamp with time zone} an {@code OffsetDateTime} with the value's own
 * offset, all read without the JVM's time zone; {@code time} a {@code LocalTime}. Arrays become
 * {@code List}, maps and rows {@code Map} (a row's unnamed fields are {@code field1}, {@code field2},
 * ...), {@code varbinary} {@code byte[]}; uuid, json, intervals, ip addresses and anything else their
 * text. Values Java cannot hold exactly (timestamps finer than nanoseconds) stay text.
 */
final class TrinoValues {
    private TrinoValues() {
    }

    /** The value of column {@code index}, whose Trino type is {@code typeName}. */
    static Object read(ResultSet resultSet, int index, String typeName) throws SQLException {
        String type = typeName.toLowerCase(Locale.ROOT);
        try {
            if (type.equals("date")) {
                return resultSet.getObject(index, LocalDate.class);
            }
            if (type.startsWith("timestamp")) {
                if (type.endsWith("with time zone")) {
                    ZonedDateTime value = resultSet.getObject(index, ZonedDateTime.class);
                    return value == null ? null : value.toOffsetDateTime();
                }
                return resultSet.getObject(index, LocalDateTime.class);
            }
            if (type.startsWith("time")) {
                String text = resultSet.getString(index);
                if (text == null) {
                    return null;
                }
                return type.endsWith("with time zone") ? OffsetTime.parse(text) : LocalTime.parse(text);
            }
        }
        catch (SQLException | DateTimeParseException | ArithmeticException e) {
            // beyond java.time's nanoseconds: keep Trino's text, which loses nothing
            return resultSet.getString(index);
        }
        return toJava(resultSet.getObject(index));
    }

    static Object toJava(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof BigDecimal || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return Double.valueOf(f.toString());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        if (value instanceof Array array) {
            return toJavaList((Object[]) array.getArray());
        }
        if (value instanceof Object[] items) {
            return toJavaList(items);
        }
        if (value instanceof List<?> list) {
            return toJavaList(list.toArray());
        }
        if (value instanceof Row row) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RowField field : row.getFields()) {
                fields.put(field.getName().orElse("field" + (field.getOrdinal() + 1)), toJava(field.getValue()));
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put(toJava(entry.getKey()), toJava(entry.getValue()));
            }
            return result;
        }
        return value.toString();
    }

    private static List<Object> toJavaList(Object[] items) throws SQLException {
        List<Object> result = new ArrayList<>(items.length);
        for (Object item : items) {
            result.add(toJava(item));
        }
        return result;
    }
}
