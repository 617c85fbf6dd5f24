package io.smelt.adapter.spark;

import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One connection to the Thrift server. Spark has no transactions, so every statement stands alone
 * and {@link #begin()} and friends do nothing. The driver runs each statement asynchronously and
 * polls for its end, so a long MERGE is not cut off by a read timeout.
 */
final class SparkEngineSession implements Session {
    private static final Pattern TYPE = Pattern.compile("(?m)^Type: *(\\w+)");

    private final SparkAdapter adapter;
    private final Connection connection;
    private volatile Statement running;
    private volatile boolean cancelled;
    private volatile boolean closed;

    SparkEngineSession(SparkAdapter adapter, Connection connection) {
        this.adapter = adapter;
        this.connection = connection;
    }

    @Override
    public QueryResult execute(String sql, boolean fetch, int maxRows) {
        checkOpen();
        cancelled = false;
        try {
            return run(sql, fetch, maxRows);
        }
        catch (SQLException e) {
            throw SparkErrors.translate(e, adapter.endpoint(), adapter.secretValues());
        }
    }

    @Override
    public void begin() {
        checkOpen();
    }

    @Override
    public void commit() {
        checkOpen();
    }

    @Override
    public void rollback() {
        checkOpen();
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    /**
     * One {@code SHOW TABLE EXTENDED}, whose {@code information} text says {@code Type: VIEW} for
     * views. Should the server refuse it (it can fail on a view whose table is gone), {@code SHOW
     * TABLES} and {@code SHOW VIEWS} give the same answer in two statements.
     */
    @Override
    public List<Relation> listRelations(String database, String schema) {
        String name = normalize(schema);
        List<Relation> relations = new ArrayList<>();
        List<List<Object>> rows;
        try {
            rows = execute("SHOW TABLE EXTENDED IN " + adapter.quote(name) + " LIKE '*'", true, -1).rows();
        }
        catch (EngineException e) {
            if (missingSchema(e)) {
                return relations;
            }
            return listWithoutDetails(name);
        }
        for (List<Object> row : rows) {
            if (Boolean.TRUE.equals(row.get(2)) || "true".equals(String.valueOf(row.get(2)))) {
                continue;
            }
            Matcher type = TYPE.matcher(String.valueOf(row.get(3)));
            boolean view = type.find() && type.group(1).equalsIgnoreCase("VIEW");
            relations.add(new Relation(null, name, String.valueOf(row.get(1)), view ? RelationType.VIEW : RelationType.TABLE));
        }
        return relations;
    }

    private List<Relation> listWithoutDetails(String schema) {
        List<Relation> relations = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (List<Object> row : execute("SHOW VIEWS IN " + adapter.quote(schema), true, -1).rows()) {
            if (!"true".equals(String.valueOf(row.get(2)))) {
                views.add(String.valueOf(row.get(1)));
            }
        }
        for (List<Object> row : execute("SHOW TABLES IN " + adapter.quote(schema), true, -1).rows()) {
            String table = String.valueOf(row.get(1));
            if (!"true".equals(String.valueOf(row.get(2)))) {
                relations.add(new Relation(null, schema, table, views.contains(table) ? RelationType.VIEW : RelationType.TABLE));
            }
        }
        return relations;
    }

    /** Columns from {@code DESCRIBE TABLE EXTENDED}, up to its first blank or {@code #} row. */
    @Override
    public List<Column> columns(Relation relation) {
        List<List<Object>> rows;
        try {
            rows = execute("DESCRIBE TABLE EXTENDED " + adapter.render(relation), true, -1).rows();
        }
        catch (EngineException e) {
            if (missingRelation(e)) {
                return List.of();
            }
            throw e;
        }
        List<Column> columns = new ArrayList<>();
        for (List<Object> row : rows) {
            String name = row.get(0) == null ? "" : row.get(0).toString().trim();
            if (name.isEmpty() || name.startsWith("#")) {
                break;
            }
            columns.add(new Column(name, row.get(1) == null ? "" : row.get(1).toString()));
        }
        return columns;
    }

    @Override
    public void createSchema(String database, String schema) {
        execute("CREATE SCHEMA IF NOT EXISTS " + adapter.quote(normalize(schema)));
    }

    @Override
    public long loadSeed(Relation target, SeedFile seed) {
        checkOpen();
        return new SparkSeeds(adapter, this).load(target, seed);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            }
            catch (SQLException ignored) {
                // best effort: the statement may have finished meanwhile
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // nothing more to release
        }
        finally {
            adapter.sessionClosed(this);
        }
    }

    private static boolean missingSchema(EngineException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SCHEMA_NOT_FOUND") || message.contains("NoSuchDatabase") || message.contains("Database")
                && message.contains("not found");
    }

    private static boolean missingRelation(EngineException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("TABLE_OR_VIEW_NOT_FOUND") || message.contains("SCHEMA_NOT_FOUND")
                || message.contains("Table or view not found") || message.contains("not found");
    }

    private static String normalize(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    private QueryResult run(String sql, boolean fetch, int maxRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            if (cancelled) {
                throw new SQLException("Query was cancelled");
            }
            if (!statement.execute(sql)) {
                return QueryResult.empty("OK");
            }
            try (ResultSet resultSet = statement.getResultSet()) {
                List<Column> columns = Column.listOf(resultSet.getMetaData());
                List<List<Object>> rows = new ArrayList<>();
                // Delta's MERGE, INSERT, UPDATE and DELETE answer with the rows they wrote
                boolean counted = !columns.isEmpty() && columns.get(0).name().equalsIgnoreCase("num_affected_rows");
                long affected = -1;
                while ((!fetch || maxRows < 0 || rows.size() < maxRows) && resultSet.next()) {
                    if (counted && affected < 0) {
                        affected = ((Number) SparkValues.read(resultSet, 1, "bigint")).longValue();
                    }
                    if (fetch) {
                        List<Object> row = new ArrayList<>(columns.size());
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(SparkValues.read(resultSet, i, columns.get(i - 1).dataType()));
                        }
                        rows.add(row);
                    }
                }
                if (!fetch && columns.isEmpty()) {
                    return new QueryResult(List.of(), List.of(), -1, "OK", null);
                }
                String message = counted ? "OK " + affected : fetch ? "SELECT " + rows.size() : "OK";
                return new QueryResult(columns, rows, affected, message, null);
            }
        }
        finally {
            running = null;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }
}
