package io.smelt.adapter.duckdb;

import io.smelt.adapter.jdbc.JdbcValueConverter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
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
final class DuckDbValues extends JdbcValueConverter {
    static final DuckDbValues INSTANCE = new DuckDbValues();

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private DuckDbValues() {
    }

    @Override
    protected Object convertEngineValue(Object value) throws SQLException {
        if (value instanceof BigInteger big) {
            return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0 ? (Object) big.longValue() : new BigDecimal(big);
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
        return null;
    }
}
