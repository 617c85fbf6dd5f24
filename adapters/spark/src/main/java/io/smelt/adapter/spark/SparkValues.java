package io.smelt.adapter.spark;

import io.smelt.adapter.jdbc.JdbcValueConverter;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns the values the Thrift server returns into the JDBC-neutral values {@link
 * io.smelt.adapter.QueryResult} promises. Over Thrift Spark sends dates, timestamps and some numbers
 * as text in places; they are read by the column's type. Arrays, maps and structs arrive as their
 * JSON text and stay text.
 */
final class SparkValues extends JdbcValueConverter {
    private static final SparkValues INSTANCE = new SparkValues();

    private SparkValues() {
    }

    static Object read(ResultSet resultSet, int index, String typeName) throws SQLException {
        String type = typeName.toLowerCase(Locale.ROOT);
        // The driver's getObject casts the server's dates to java.sql.Date and fails on the
        // java.time values Spark sends; their text is always well-formed.
        Object value = type.startsWith("date") || type.startsWith("timestamp")
                ? resultSet.getString(index) : resultSet.getObject(index);
        if (!(value instanceof String text)) {
            return INSTANCE.toJava(value);
        }
        try {
            return switch (type) {
                case "date" -> LocalDate.parse(text);
                case "timestamp", "timestamp_ntz" -> LocalDateTime.parse(text.replace(' ', 'T'));
                case "int", "integer", "bigint", "smallint", "tinyint" -> Long.parseLong(text);
                case "double", "float" -> Double.parseDouble(text);
                case "decimal" -> new BigDecimal(text);
                case "boolean" -> Boolean.parseBoolean(text);
                default -> text;
            };
        }
        catch (DateTimeParseException | NumberFormatException e) {
            return text;
        }
    }

    @Override
    protected Object convertEngineValue(Object value) {
        return null;
    }
}
