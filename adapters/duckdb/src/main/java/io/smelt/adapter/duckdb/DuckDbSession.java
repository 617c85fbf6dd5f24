package io.smelt.adapter.duckdb;

import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;
import io.smelt.adapter.jdbc.JdbcSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One DuckDB connection, duplicated from the adapter's database so that every session of a run
 * shares one in-process database.
 *
 * <p>DuckDB's concurrency control is optimistic: a statement that touches a catalog entry or rows
 * another open transaction changed fails with a conflict (measured: two sessions running {@code
 * CREATE SCHEMA IF NOT EXISTS} for a new schema, or updating the same rows; creating, replacing and
 * renaming different tables and views in one schema does not conflict). The failed statement or
 * transaction has then been undone, so the session runs it again after a short randomised backoff
 * (2 ms doubling to 500 ms, for up to 30 s while the other transaction lasts):
 * in autocommit mode the statement alone; inside a transaction the whole transaction, replaying
 * every statement since {@link #begin()}, unless the caller has already fetched rows in it (it may
 * have built later statements from them, so the conflict is reported instead).
 */
final class DuckDbSession extends JdbcSession {
    // a conflict lasts until the other transaction ends, which may be a model's whole build
    private static final long RETRY_NANOS = 30_000_000_000L;
    private static final long MAX_BACKOFF_MILLIS = 500;

    private final DuckDbAdapter adapter;
    private final List<String> journal = new ArrayList<>();
    private boolean inTransaction;
    private boolean observedInTransaction;
    private boolean aborted;

    DuckDbSession(DuckDbAdapter adapter, Connection connection, Consumer<Session> onClose) {
        super(connection, "INTERRUPT Error: Interrupted!", onClose);
        this.adapter = adapter;
    }

    @Override
    public QueryResult execute(String sql, boolean fetch, int maxRows) {
        checkOpen();
        clearCancel();
        QueryResult result;
        try {
            result = withRetry(sql, () -> run(sql, fetch, maxRows));
        }
        catch (EngineException e) {
            aborted |= inTransaction;
            throw e;
        }
        if (inTransaction) {
            journal.add(sql);
            observedInTransaction |= fetch && !result.rows().isEmpty();
        }
        return result;
    }

    @Override
    public void begin() {
        checkOpen();
        if (inTransaction) {
            throw new IllegalStateException("a transaction is already open on this session");
        }
        runQuietly("BEGIN TRANSACTION");
        inTransaction = true;
        journal.clear();
        observedInTransaction = false;
    }

    @Override
    public void commit() {
        checkOpen();
        if (!inTransaction) {
            throw new IllegalStateException("no transaction is open on this session");
        }
        clearCancel();
        if (aborted) {
            // DuckDB would answer COMMIT with success and quietly roll back
            discardFailedTransaction();
            endTransaction();
            throw new EngineException("TransactionContext Error: cannot commit: a statement in this transaction failed,"
                    + " so DuckDB has discarded the transaction", null);
        }
        try {
            withRetry("COMMIT", () -> run("COMMIT", false, 0));
        }
        catch (EngineException e) {
            discardFailedTransaction();
            throw e;
        }
        finally {
            endTransaction();
        }
    }

    /** Rolls back the open transaction; does nothing when none is open, so it is safe in cleanup. */
    @Override
    public void rollback() {
        checkOpen();
        if (!inTransaction) {
            return;
        }
        try {
            run("ROLLBACK", false, 0);
        }
        catch (SQLException e) {
            // DuckDB ends a transaction by itself when its commit fails; nothing is left to undo then
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                throw DuckDbErrors.translate(e, "ROLLBACK");
            }
        }
        finally {
            endTransaction();
        }
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        String sql = "SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables"
                + " WHERE lower(table_catalog) = lower(coalesce(?, current_database())) AND lower(table_schema) = lower(?)"
                + " ORDER BY table_name";
        List<Relation> relations = new ArrayList<>();
        for (List<String> row : catalogQuery(sql, database, schema)) {
            RelationType type = row.get(3).equals("VIEW") ? RelationType.VIEW : RelationType.TABLE;
            relations.add(new Relation(row.get(0), row.get(1), row.get(2), type));
        }
        return relations;
    }

    @Override
    public List<Column> columns(Relation relation) {
        String sql = "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE lower(table_catalog) = lower(coalesce(?, current_database()))"
                + " AND lower(table_schema) = lower(coalesce(?, current_schema())) AND lower(table_name) = lower(?)"
                + " ORDER BY ordinal_position";
        List<List<String>> rows = catalogQuery(sql, relation.database(), relation.schema(), relation.identifier());
        if (rows.isEmpty() && relation.database() == null && relation.schema() == null) {
            // an unqualified name may be a temporary table, which DuckDB keeps in the catalog "temp"
            rows = catalogQuery(sql, "temp", null, relation.identifier());
        }
        List<Column> columns = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            columns.add(new Column(row.get(0), row.get(1)));
        }
        return columns;
    }

    @Override
    public void createSchema(String database, String schema) {
        String target = database == null || database.isEmpty()
                ? adapter.quote(schema)
                : adapter.quote(database) + "." + adapter.quote(schema);
        execute("CREATE SCHEMA IF NOT EXISTS " + target);
    }

    @Override
    public long loadSeed(Relation target, SeedFile seed) {
        checkOpen();
        String reader = DuckDbSeeds.reader(seed, adapter);
        String select = "*";
        if (!seed.quoteColumns()) {
            // the header's names go into the DDL as written, unquoted, as dbt does with quote_columns: false
            String describe = "DESCRIBE SELECT * FROM " + reader;
            List<String> names = new ArrayList<>();
            for (List<Object> row : withRetry(describe, () -> run(describe, true, -1)).rows()) {
                String name = String.valueOf(row.get(0));
                names.add(adapter.quote(name) + " AS " + name);
            }
            select = String.join(", ", names);
        }
        QueryResult result = execute("CREATE TABLE " + adapter.render(target) + " AS SELECT " + select + " FROM " + reader);
        return result.rowsAffected();
    }

    @Override
    public void close() {
        if (closed()) {
            return;
        }
        try {
            if (inTransaction) {
                runQuietly("ROLLBACK");
            }
        }
        catch (EngineException ignored) {
            // closing discards the transaction anyway
        }
        finally {
            inTransaction = false;
            super.close();
        }
    }

    @Override
    protected EngineException translate(SQLException e, String sql) {
        return DuckDbErrors.translate(e, sql);
    }

    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    private <T> T withRetry(String sql, SqlCall<T> call) {
        long deadline = System.nanoTime() + RETRY_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            }
            catch (SQLException e) {
                if (!DuckDbErrors.isConflict(e) || System.nanoTime() > deadline || cancelled()
                        || (inTransaction && observedInTransaction)) {
                    throw DuckDbErrors.translate(e, sql);
                }
                adapter.conflictRetried(inTransaction);
                backoff(attempt);
                if (inTransaction) {
                    try {
                        restartTransaction();
                    }
                    catch (SQLException replayFailure) {
                        if (!DuckDbErrors.isConflict(replayFailure)) {
                            throw DuckDbErrors.translate(replayFailure, sql);
                        }
                        // the next attempt starts the transaction once more
                    }
                }
            }
        }
    }

    private void restartTransaction() throws SQLException {
        discardFailedTransaction();
        run("BEGIN TRANSACTION", false, 0);
        for (String statement : journal) {
            run(statement, false, 0);
        }
    }

    private void discardFailedTransaction() {
        try (Statement statement = connection().createStatement()) {
            statement.execute("ROLLBACK");
        }
        catch (SQLException e) {
            // DuckDB may have ended the failed transaction already
        }
    }

    private static void backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, 2L << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected QueryResult runOn(Statement statement, String sql, boolean fetch, int maxRows) throws SQLException {
        if (!statement.execute(DuckDbErrors.sent(sql))) {
            long count = statement.getUpdateCount();
            return new QueryResult(List.of(), List.of(), count, message(sql, count), null);
        }
        try (ResultSet resultSet = statement.getResultSet()) {
            List<Column> columns = columnsOf(resultSet.getMetaData());
            List<List<Object>> rows = readRows(resultSet, columns, fetch, maxRows, false);
            return new QueryResult(columns, rows, -1, message(sql, fetch ? rows.size() : -1), null);
        }
    }

    @Override
    protected Object readValue(ResultSet resultSet, int index, Column column) throws SQLException {
        Object value = resultSet.getObject(index);
        // read timestamps as local values, which no JVM time zone can shift
        return value instanceof Timestamp ? resultSet.getObject(index, LocalDateTime.class) : DuckDbValues.INSTANCE.toJava(value);
    }

    private void runQuietly(String sql) {
        try {
            run(sql, false, 0);
        }
        catch (SQLException e) {
            throw DuckDbErrors.translate(e, sql);
        }
    }

    private List<List<String>> catalogQuery(String sql, String... parameters) {
        checkOpen();
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                int width = resultSet.getMetaData().getColumnCount();
                while (resultSet.next()) {
                    List<String> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(resultSet.getString(i));
                    }
                    rows.add(row);
                }
            }
            observedInTransaction |= inTransaction;
            return rows;
        }
        catch (SQLException e) {
            aborted |= inTransaction;
            throw DuckDbErrors.translate(e, sql);
        }
    }

    private static String message(String sql, long count) {
        String trimmed = sql.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        String verb = end == 0 ? "OK" : trimmed.substring(0, end).toUpperCase(Locale.ROOT);
        return count >= 0 ? verb + " " + count : verb;
    }

    private void endTransaction() {
        inTransaction = false;
        aborted = false;
        journal.clear();
        observedInTransaction = false;
    }
}
