package io.smelt.adapter.duckdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.duckdb.DuckDBStruct;

/**
 * Turns the values the DuckDB driver returns into the JDBC-neutral values {@link
 * io.smelt.adapter.QueryResult} promises.
 *
 * <p>Every integer type becomes {@code Long}; HUGEINT and UBIGINT values too when they fit, else a
 * {@code BigDecimal} with scale 0 (Python's unbounded int in dbt-duckdb behaves the same way to a
 * template). FLOAT becomes {@code Double}, TIMESTAMP {@code LocalDateTime}, TIMESTAMPTZ {@code
 * OffsetDateTime} (in UTC), UUID, INTERVAL, JSON and BIT their text, BLOB {@code byte[]}, LIST and
 * ARRAY {@code List}, STRUCT and MAP {@code Map} with their order kept.
 */
final class DuckDbValues {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private DuckDbValues() {
    }

    static Object toJava(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            // through the decimal text, so 1.1f reads 1.1 rather than 1.100000023841858
            return Double.valueOf(f.toString());
        }
        if (value instanceof BigInteger big) {
            return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0 ? (Object) big.longValue() : new BigDecimal(big);
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
        if (value instanceof java.time.temporal.Temporal) {
            return value;
        }
        if (value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof DuckDBStruct struct) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : struct.getMap().entrySet()) {
                result.put(entry.getKey(), toJava(entry.getValue()));
            }
            return result;
        }
        if (value instanceof Struct struct) {
            List<Object> fields = new ArrayList<>();
            for (Object field : struct.getAttributes()) {
                fields.add(toJava(field));
            }
            return fields;
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

    private static List<Object> toJavaList(Object[] items) throws SQLException {
        List<Object> result = new ArrayList<>(items.length);
        for (Object item : items) {
            result.add(toJava(item));
        }
        return result;
    }
}
