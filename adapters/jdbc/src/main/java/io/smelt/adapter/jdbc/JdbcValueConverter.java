package io.smelt.adapter.jdbc;

import io.smelt.adapter.QueryResult;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the values a JDBC driver returns into the JDBC-neutral values {@link QueryResult} promises.
 *
 * <p>Strings, booleans, {@code Long}, {@code Double}, {@code BigDecimal} and {@code byte[]} stay as
 * they are; every other integer becomes {@code Long}; {@code Float} a {@code Double} through its
 * decimal text (so 1.1f reads 1.1 rather than 1.100000023841858); {@code java.sql} dates, times and
 * timestamps their {@code java.time} local values; arrays and lists {@code List}, maps {@code Map}
 * with their order kept, each element converted in turn; anything else its text. An engine converts
 * its driver's own types in {@link #convertEngineValue(Object)}.
 */
public abstract class JdbcValueConverter {
    /**
     * Converts one value from the driver.
     *
     * @param value a value from {@code ResultSet.getObject} or from inside one, or null
     * @return the neutral value, or null for null
     * @throws SQLException if reading a driver object (such as an {@link Array}) fails
     */
    public final Object toJava(Object value) throws SQLException {
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
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        Object converted = convertEngineValue(value);
        if (converted != null) {
            return converted;
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
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put(toJava(entry.getKey()), toJava(entry.getValue()));
            }
            return result;
        }
        return value.toString();
    }

    /**
     * Converts a value of a type only this engine's driver returns, asked before arrays, lists, maps
     * and the fallback to text.
     *
     * @param value a non-null value that is none of the plain types listed on this class
     * @return the neutral value, or null when this is not such a type
     * @throws SQLException if reading the driver object fails
     */
    protected abstract Object convertEngineValue(Object value) throws SQLException;

    /** Converts each item with {@link #toJava(Object)}. */
    protected final List<Object> toJavaList(Object[] items) throws SQLException {
        List<Object> result = new ArrayList<>(items.length);
        for (Object item : items) {
            result.add(toJava(item));
        }
        return result;
    }
}
