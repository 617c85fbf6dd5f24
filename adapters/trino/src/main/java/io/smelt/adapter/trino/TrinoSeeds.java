package io.smelt.adapter.trino;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.SeedCsv;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.SeedTypeGuess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a seed: the CSV is read twice, once to choose each column's type and once to send its rows,
 * as many as fit in one statement of at most {@link #MAX_STATEMENT_CHARS} characters, in
 *
 * <pre>INSERT INTO t SELECT CAST(c0 AS integer), ... FROM UNNEST(CAST(json_parse('[["1", ...], ...]')
 *     AS array(row(c0 varchar, ...)))) AS v(c0, ...)</pre>
 *
 * <p>One JSON literal rather than a multi-row {@code VALUES}, because Trino's planner spends about
 * half a millisecond per {@code VALUES} row (measured: 5,000 rows took 2.3 s to plan) but plans the
 * literal in constant time; 60,000 rows load in seconds instead of a minute. Values travel as text
 * and are cast by Trino, so a column's text converts exactly as a cast in a model would.
 *
 * <p>Types follow what dbt-trino's agate inference and Smelt's DuckDB engine choose, so a seed gets
 * the same columns on both: {@code integer} for whole numbers ({@code bigint} when they do not
 * fit), {@code double} for other numbers, {@code boolean} for true/false, {@code date}, {@code
 * timestamp(6)} (ISO 8601, with {@code T} or a space), else {@code varchar}. {@code column_types}
 * win over inference.
 */
final class TrinoSeeds {
    /**
     * Trino refuses statements longer than {@code query.max-length}, 1,000,000 characters by
     * default. Each statement is one Iceberg commit, so fewer, larger ones load faster.
     */
    static final int MAX_STATEMENT_CHARS = 990_000;


    private final TrinoAdapter adapter;
    private final TrinoSession session;
    private final int statementChars;

    TrinoSeeds(TrinoAdapter adapter, TrinoSession session) {
        this(adapter, session, MAX_STATEMENT_CHARS);
    }

    TrinoSeeds(TrinoAdapter adapter, TrinoSession session, int statementChars) {
        this.adapter = adapter;
        this.session = session;
        this.statementChars = statementChars;
    }

    long load(Relation target, SeedFile seed) {
        if (seed.delimiter().length() != 1) {
            throw new AdapterConfigException("seed option 'delimiter' must be one character, got '" + seed.delimiter() + "'");
        }
        char delimiter = seed.delimiter().charAt(0);
        List<String> header;
        List<SeedTypeGuess> guesses = new ArrayList<>();
        try (SeedCsv csv = new SeedCsv(seed.csv(), delimiter)) {
            header = csv.next();
            if (header == null) {
                throw new EngineException(seed.csv().getFileName() + " is empty: a seed needs a header line", null);
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i) == null || header.get(i).isBlank()) {
                    throw csv.error("column " + (i + 1) + " of the header has no name");
                }
                guesses.add(new SeedTypeGuess());
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                checkWidth(csv, row, header.size());
                for (int i = 0; i < row.size(); i++) {
                    guesses.get(i).see(row.get(i));
                }
            }
        }
        List<String> types = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String fixed = SeedTypeGuess.fixedType(seed.columnTypes(), name);
            types.add(fixed != null ? fixed : typeName(guesses.get(i).kind()));
            columns.add((seed.quoteColumns() ? adapter.quote(name) : name) + " " + types.get(i));
        }
        String table = adapter.render(target);
        session.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
        return insert(table, seed, delimiter, types);
    }

    private long insert(String table, SeedFile seed, char delimiter, List<String> types) {
        StringBuilder head = new StringBuilder("INSERT INTO ").append(table).append(" SELECT ");
        StringBuilder fields = new StringBuilder();
        StringBuilder names = new StringBuilder();
        boolean[] timestamps = new boolean[types.size()];
        for (int i = 0; i < types.size(); i++) {
            String separator = i == 0 ? "" : ", ";
            head.append(separator).append("CAST(c").append(i).append(" AS ").append(types.get(i)).append(')');
            fields.append(separator).append('c').append(i).append(" varchar");
            names.append(separator).append('c').append(i);
            timestamps[i] = types.get(i).toLowerCase(Locale.ROOT).startsWith("timestamp");
        }
        head.append(" FROM UNNEST(CAST(json_parse('[");
        String tail = "]') AS array(row(" + fields + ")))) AS v(" + names + ")";
        long loaded = 0;
        StringBuilder sql = new StringBuilder(statementChars);
        StringBuilder row = new StringBuilder();
        try (SeedCsv csv = new SeedCsv(seed.csv(), delimiter)) {
            csv.next();
            for (List<String> values = csv.next(); values != null; values = csv.next()) {
                row.setLength(0);
                row.append('[');
                for (int i = 0; i < values.size(); i++) {
                    String value = values.get(i);
                    if (i > 0) {
                        row.append(',');
                    }
                    // Trino casts '2024-01-02 03:04:05' to a timestamp but not the ISO 8601 'T' form
                    appendJsonString(row, value != null && timestamps[i] && SeedTypeGuess.isTimestamp(value) ? value.replace('T', ' ') : value);
                }
                row.append(']');
                if (sql.length() > 0 && sql.length() + 1 + row.length() + tail.length() > statementChars) {
                    loaded += flush(sql, tail);
                }
                if (sql.length() == 0) {
                    sql.append(head);
                    if (sql.length() + row.length() + tail.length() > statementChars) {
                        throw csv.recordError("the row is too long for one Trino statement (" + statementChars + " characters)");
                    }
                }
                else {
                    sql.append(',');
                }
                sql.append(row);
            }
        }
        if (sql.length() > 0) {
            loaded += flush(sql, tail);
        }
        return loaded;
    }

    /** A JSON string (or null), inside a SQL string literal: JSON escapes, then quotes doubled. */
    private static void appendJsonString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("''");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private long flush(StringBuilder sql, String tail) {
        long rows = session.execute(sql.append(tail).toString()).rowsAffected();
        sql.setLength(0);
        return rows;
    }

    private static void checkWidth(SeedCsv csv, List<String> row, int width) {
        if (row.size() != width) {
            throw csv.recordError("has " + row.size() + " fields, the header has " + width);
        }
    }

    /** The engine's name for a guessed kind. */
    private static String typeName(SeedTypeGuess.Kind kind) {
        return switch (kind) {
            case STRING -> "varchar";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DOUBLE -> "double";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp(6)";
        };
    }
}
