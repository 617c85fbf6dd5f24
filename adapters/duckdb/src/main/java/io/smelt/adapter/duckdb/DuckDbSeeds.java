package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.jdbc.SeedColumns;
import io.smelt.adapter.jdbc.SeedColumns.SeedColumn;
import io.smelt.adapter.jdbc.SeedTypeGuess;

import java.util.ArrayList;
import java.util.List;

import static io.smelt.adapter.jdbc.SqlText.literal;

/**
 * Builds the {@code read_csv} call a seed is loaded through. Each column's type is what dbt's agate
 * type tester gives it ({@link SeedTypeGuess}: INTEGER for whole numbers, BIGINT when they do not
 * fit, DOUBLE, DATE, TIMESTAMP, BOOLEAN, else VARCHAR; a column of only nulls INTEGER), or its
 * {@code column_types} entry; an entry for a column the file lacks is ignored, as in dbt. Empty
 * fields and {@code null} read as NULL, agate's null values.
 */
final class DuckDbSeeds {
    private DuckDbSeeds() {
    }

    static String reader(SeedFile seed, Adapter adapter) {
        List<String> types = new ArrayList<>();
        for (SeedColumn column : SeedColumns.of(seed, DuckDbSeeds::typeName, adapter::mapType)) {
            types.add(literal(column.name()) + ": " + literal(column.type()));
        }
        return "read_csv(" + literal(seed.csv().toAbsolutePath().toString())
                + ", header = true, auto_detect = true, sample_size = -1"
                + ", delim = " + literal(seed.delimiter())
                + ", quote = '\"', escape = '\"', nullstr = ['', 'null', 'NULL', 'Null']"
                + ", types = {" + String.join(", ", types) + "})";
    }

    private static String typeName(SeedTypeGuess.Kind kind) {
        return switch (kind) {
            case STRING -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }
}
