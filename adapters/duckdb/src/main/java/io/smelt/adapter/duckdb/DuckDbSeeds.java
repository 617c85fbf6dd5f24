package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.SeedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code read_csv} call a seed is loaded through: DuckDB's own reader infers each
 * column's type from the whole file ({@code sample_size = -1}) except the columns the user fixed,
 * which go into {@code types}. The candidate types follow what dbt-duckdb's agate inference
 * creates: INTEGER for whole numbers (BIGINT when they do not fit), DOUBLE, DATE, TIMESTAMP,
 * BOOLEAN, else VARCHAR; no TIME, which agate leaves as text.
 */
final class DuckDbSeeds {
    private DuckDbSeeds() {
    }

    static String reader(SeedFile seed, Adapter adapter) {
        if (seed.delimiter().length() != 1) {
            throw new AdapterConfigException("seed option 'delimiter' must be one character, got '" + seed.delimiter() + "'");
        }
        StringBuilder sql = new StringBuilder("read_csv(")
                .append(literal(seed.csv().toAbsolutePath().toString()))
                .append(", header = true, auto_detect = true, sample_size = -1")
                .append(", auto_type_candidates = ['BOOLEAN', 'INTEGER', 'BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']")
                .append(", delim = ").append(literal(seed.delimiter()))
                .append(", quote = '\"', escape = '\"'");
        if (!seed.columnTypes().isEmpty()) {
            List<String> types = new ArrayList<>();
            for (Map.Entry<String, String> entry : seed.columnTypes().entrySet()) {
                types.add(literal(entry.getKey()) + ": " + literal(adapter.mapType(entry.getValue())));
            }
            sql.append(", types = {").append(String.join(", ", types)).append('}');
        }
        return sql.append(')').toString();
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
