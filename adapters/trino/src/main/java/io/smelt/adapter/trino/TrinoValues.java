package io.smelt.adapter.trino;

import io.smelt.adapter.jdbc.JdbcValueConverter;
import io.trino.jdbc.Row;
import io.trino.jdbc.RowField;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
final class TrinoValues extends JdbcValueConverter {
    private static final TrinoValues INSTANCE = new TrinoValues();

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
        return INSTANCE.toJava(resultSet.getObject(index));
    }

    @Override
    protected Object convertEngineValue(Object value) throws SQLException {
        if (value instanceof Row row) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RowField field : row.getFields()) {
                fields.put(field.getName().orElse("field" + (field.getOrdinal() + 1)), toJava(field.getValue()));
            }
            return fields;
        }
        return null;
    }
}
