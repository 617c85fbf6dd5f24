package io.smelt.adapter.spark;

import io.smelt.adapter.Relation;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.jdbc.SeedBatches;
import io.smelt.adapter.jdbc.SeedColumns;
import io.smelt.adapter.jdbc.SeedColumns.SeedColumn;
import io.smelt.adapter.jdbc.SeedCsv;
import io.smelt.adapter.jdbc.SeedTypeGuess;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Loads a seed into a new Delta table. The rows travel as one JSON string literal per statement,
 * unpacked by Spark and cast to each column's type:
 *
 * <pre>INSERT INTO t SELECT CAST(c0 AS int), ... FROM (SELECT inline(from_json('[{"c0":"1",...},...]',
 *     'array&lt;struct&lt;c0:string,...&gt;&gt;')))</pre>
 *
 * One literal parses in constant time where a multi-row {@code VALUES} costs Spark's parser and
 * analyzer per row, and each statement is one Delta commit, so statements are as large as {@link
 * #MAX_STATEMENT_CHARS} allows. Types follow the other engines' inference: {@code int} ({@code
 * bigint} when too large), {@code double}, {@code boolean}, {@code date}, {@code timestamp}, else
 * {@code string}; {@code column_types} win. Column names Delta cannot store as they are (spaces and
 * {@code ,;{}()=}) turn on Delta's column mapping by name.
 */
final class SparkSeeds {
    static final int MAX_STATEMENT_CHARS = 1_000_000;

    private static final Pattern DELTA_INVALID = Pattern.compile("[ ,;{}()\\n\\t=]");

    private final SparkAdapter adapter;
    private final SparkEngineSession session;

    SparkSeeds(SparkAdapter adapter, SparkEngineSession session) {
        this.adapter = adapter;
        this.session = session;
    }

    long load(Relation target, SeedFile seed) {
        List<SeedColumn> columns = SeedColumns.of(seed, SparkSeeds::typeName, type -> type);
        boolean columnMapping = false;
        for (SeedColumn column : columns) {
            columnMapping |= seed.quoteColumns() && DELTA_INVALID.matcher(column.name()).find();
        }
        String table = adapter.render(target);
        session.execute("CREATE TABLE " + table + " (" + SeedColumns.definitions(columns, seed, adapter::quote) + ") USING delta"
                + (columnMapping ? " TBLPROPERTIES ('delta.columnMapping.mode' = 'name', 'delta.minReaderVersion' = '2',"
                        + " 'delta.minWriterVersion' = '5')" : ""));
        return insert(table, seed, columns);
    }

    private long insert(String table, SeedFile seed, List<SeedColumn> columns) {
        StringBuilder head = new StringBuilder("INSERT INTO ").append(table).append(" SELECT ");
        StringBuilder struct = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String separator = i == 0 ? "" : ", ";
            head.append(separator).append("CAST(c").append(i).append(" AS ").append(columns.get(i).type()).append(')');
            struct.append(i == 0 ? "" : ",").append('c').append(i).append(":string");
        }
        head.append(" FROM (SELECT inline(from_json('[");
        String tail = "]', 'array<struct<" + struct + ">>')))";
        SeedBatches batches = new SeedBatches(head.toString(), tail, MAX_STATEMENT_CHARS, SeedBatches.counting(session));
        StringBuilder row = new StringBuilder();
        try (SeedCsv csv = new SeedCsv(seed.csv(), SeedColumns.delimiter(seed))) {
            csv.next();
            for (List<String> values = csv.next(); values != null; values = csv.next()) {
                row.setLength(0);
                row.append('{');
                for (int i = 0; i < values.size(); i++) {
                    row.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":").append(SeedBatches.jsonString(values.get(i)));
                }
                row.append('}');
                batches.add(sparkLiteralText(row), null);
            }
        }
        return batches.finish();
    }

    /** JSON text inside a Spark string literal, where backslashes and single quotes are escaped again. */
    private static String sparkLiteralText(CharSequence json) {
        return json.toString().replace("\\", "\\\\").replace("'", "\\'");
    }

    /** The engine's name for a guessed kind. */
    private static String typeName(SeedTypeGuess.Kind kind) {
        return switch (kind) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case INTEGER -> "int";
            case BIGINT -> "bigint";
            case DOUBLE -> "double";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
        };
    }
}
