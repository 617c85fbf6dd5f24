package io.smelt.adapter.trino;

import io.smelt.adapter.Relation;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.jdbc.SeedBatches;
import io.smelt.adapter.jdbc.SeedColumns;
import io.smelt.adapter.jdbc.SeedColumns.SeedColumn;
import io.smelt.adapter.jdbc.SeedCsv;
import io.smelt.adapter.jdbc.SeedTypeGuess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<SeedColumn> columns = SeedColumns.of(seed, TrinoSeeds::typeName, type -> type);
        String table = adapter.render(target);
        session.execute("CREATE TABLE " + table + " (" + SeedColumns.definitions(columns, seed, adapter::quote) + ")");
        return insert(table, seed, columns);
    }

    private long insert(String table, SeedFile seed, List<SeedColumn> columns) {
        StringBuilder head = new StringBuilder("INSERT INTO ").append(table).append(" SELECT ");
        StringBuilder fields = new StringBuilder();
        StringBuilder names = new StringBuilder();
        boolean[] timestamps = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String separator = i == 0 ? "" : ", ";
            head.append(separator).append("CAST(c").append(i).append(" AS ").append(columns.get(i).type()).append(')');
            fields.append(separator).append('c').append(i).append(" varchar");
            names.append(separator).append('c').append(i);
            timestamps[i] = columns.get(i).type().toLowerCase(Locale.ROOT).startsWith("timestamp");
        }
        head.append(" FROM UNNEST(CAST(json_parse('[");
        String tail = "]') AS array(row(" + fields + ")))) AS v(" + names + ")";
        SeedBatches batches = new SeedBatches(head.toString(), tail, statementChars, (sql, rows) -> session.execute(sql).rowsAffected());
        StringBuilder row = new StringBuilder();
        try (SeedCsv csv = new SeedCsv(seed.csv(), SeedColumns.delimiter(seed))) {
            csv.next();
            for (List<String> values = csv.next(); values != null; values = csv.next()) {
                List<String> sent = new ArrayList<>(values);
                for (int i = 0; i < sent.size(); i++) {
                    String value = sent.get(i);
                    // Trino casts '2024-01-02 03:04:05' to a timestamp but not the ISO 8601 'T' form
                    if (value != null && timestamps[i] && SeedTypeGuess.isTimestamp(value)) {
                        sent.set(i, value.replace('T', ' '));
                    }
                }
                row.setLength(0);
                SeedBatches.jsonArray(row, sent);
                batches.add(row.toString().replace("'", "''"),
                        () -> csv.recordError("the row is too long for one Trino statement (" + statementChars + " characters)"));
            }
        }
        return batches.finish();
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
