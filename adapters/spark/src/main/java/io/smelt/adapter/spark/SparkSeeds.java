package io.smelt.adapter.spark;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.SeedCsv;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.SeedTypeGuess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        if (seed.delimiter().length() != 1) {
            throw new AdapterConfigException("seed option 'delimiter' must be one character, got '" + seed.delimiter() + "'");
        }
        List<List<String>> records = new ArrayList<>();
        try (SeedCsv csv = new SeedCsv(seed.csv(), seed.delimiter().charAt(0))) {
            for (List<String> record = csv.next(); record != null; record = csv.next()) {
                records.add(record);
            }
        }
        if (records.isEmpty()) {
            throw new EngineException(seed.csv().getFileName() + " is empty: a seed needs a header line", null);
        }
        List<String> header = records.get(0);
        int width = header.size();
        List<SeedTypeGuess> guesses = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (header.get(i) == null || header.get(i).isBlank()) {
                throw new EngineException(seed.csv().getFileName() + ": column " + (i + 1) + " of the header has no name", null);
            }
            guesses.add(new SeedTypeGuess());
        }
        for (int r = 1; r < records.size(); r++) {
            List<String> row = records.get(r);
            if (row.size() != width) {
                throw new EngineException(seed.csv().getFileName() + " record " + (r + 1) + ": has " + row.size()
                        + " fields, the header has " + width, null);
            }
            for (int i = 0; i < width; i++) {
                guesses.get(i).see(row.get(i));
            }
        }
        List<String> types = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        boolean columnMapping = false;
        for (int i = 0; i < width; i++) {
            String name = header.get(i);
            String fixed = SeedTypeGuess.fixedType(seed.columnTypes(), name);
            types.add(fixed != null ? fixed : typeName(guesses.get(i).kind()));
            columns.add((seed.quoteColumns() ? adapter.quote(name) : name) + " " + types.get(i));
            columnMapping |= seed.quoteColumns() && DELTA_INVALID.matcher(name).find();
        }
        String table = adapter.render(target);
        session.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ") USING delta"
                + (columnMapping ? " TBLPROPERTIES ('delta.columnMapping.mode' = 'name', 'delta.minReaderVersion' = '2',"
                        + " 'delta.minWriterVersion' = '5')" : ""));
        return insert(table, records, types);
    }

    private long insert(String table, List<List<String>> records, List<String> types) {
        StringBuilder head = new StringBuilder("INSERT INTO ").append(table).append(" SELECT ");
        StringBuilder struct = new StringBuilder();
        for (int i = 0; i < types.size(); i++) {
            String separator = i == 0 ? "" : ", ";
            head.append(separator).append("CAST(c").append(i).append(" AS ").append(types.get(i)).append(')');
            struct.append(i == 0 ? "" : ",").append('c').append(i).append(":string");
        }
        head.append(" FROM (SELECT inline(from_json('[");
        String tail = "]', 'array<struct<" + struct + ">>')))";
        long loaded = 0;
        int pending = 0;
        StringBuilder sql = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            row.setLength(0);
            row.append('{');
            for (int i = 0; i < values.size(); i++) {
                row.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":");
                appendJson(row, values.get(i));
            }
            row.append('}');
            if (pending > 0 && sql.length() + 1 + row.length() + tail.length() > MAX_STATEMENT_CHARS) {
                loaded += flush(sql, tail, pending);
                pending = 0;
            }
            sql.append(pending == 0 ? head : ",").append(row);
            pending++;
        }
        if (pending > 0) {
            loaded += flush(sql, tail, pending);
        }
        return loaded;
    }

    private long flush(StringBuilder sql, String tail, int rows) {
        session.execute(sql.append(tail).toString());
        sql.setLength(0);
        return rows;
    }

    /** A JSON string (or null) inside a Spark string literal, where backslashes and quotes are escaped again. */
    private static void appendJson(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\\\"");
                case '\\' -> out.append("\\\\\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
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
