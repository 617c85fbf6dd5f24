package io.smelt.adapter.trino;

import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;
import io.trino.jdbc.TrinoResultSet;
import io.trino.jdbc.TrinoStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Trino connection. Every statement commits by itself ({@link #begin()} and friends do nothing,
 * as the adapter's capabilities say), so a session holds no state on the server beyond its session
 * properties.
 *
 * <p>A statement that could not reach the server at all (connection refused) is sent again, up to
 * the profile's {@code retries} attempts with a doubling pause from one second; any other failure
 * may have run part of the statement on the server and is reported at once.
 */
final class TrinoSession implements Session {
    // statements whose update count is a number of rows written; DDL reports 0, which says nothing
    private static final Set<String> ROW_WRITES = Set.of("INSERT", "CREATE TABLE", "MERGE", "DELETE", "UPDATE");

    private final TrinoAdapter adapter;
    private final Connection connection;
    private final int attempts;
    private volatile Statement running;
    private volatile boolean cancelled;
    private volatile boolean closed;

    TrinoSession(TrinoAdapter adapter, Connection connection, int attempts) {
        this.adapter = adapter;
        this.connection = connection;
        this.attempts = attempts;
    }

    @Override
    public QueryResult execute(String sql, boolean fetch, int maxRows) {
        checkOpen();
        cancelled = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return run(sql, fetch, maxRows);
            }
            catch (SQLException e) {
                if (attempt >= attempts || cancelled || closed || !TrinoErrors.refusedConnection(e)) {
                    throw TrinoErrors.translate(e, adapter.endpoint(), adapter.secretValues());
                }
                pause(1000L << (attempt - 1));
            }
        }
    }

    /** Nothing to start: Trino's connectors write only in autocommit mode. */
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

    /** Always false: no transaction is ever open. */
    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        String catalog = catalogOf(database);
        String name = normalize(schema);
        // materialized views show as BASE TABLE in information_schema, so they are picked out by name
        String sql = "SELECT t.table_catalog, t.table_schema, t.table_name, t.table_type, mv.name"
                + " FROM " + adapter.quote(catalog) + ".information_schema.tables AS t"
                + " LEFT JOIN (SELECT name FROM system.metadata.materialized_views WHERE catalog_name = " + literal(catalog)
                + " AND schema_name = " + literal(name) + ") AS mv ON mv.name = t.table_name"
                + " WHERE t.table_schema = " + literal(name) + " ORDER BY t.table_name";
        List<Relation> relations = new ArrayList<>();
        for (List<String> row : catalogQuery(sql)) {
            RelationType type = row.get(4) != null ? RelationType.MATERIALIZED_VIEW
                    : "VIEW".equals(row.get(3)) ? RelationType.VIEW : RelationType.TABLE;
            relations.add(new Relation(row.get(0), row.get(1), row.get(2), type));
        }
        return relations;
    }

    @Override
    public List<Column> columns(Relation relation) {
        String catalog = catalogOf(relation.database());
        String schema = relation.schema() == null || relation.schema().isEmpty() ? adapter.config().schema() : relation.schema();
        String sql = "SELECT column_name, data_type FROM " + adapter.quote(catalog) + ".information_schema.columns"
                + " WHERE table_schema = " + literal(normalize(schema)) + " AND table_name = " + literal(normalize(relation.identifier()))
                + " ORDER BY ordinal_position";
        List<Column> columns = new ArrayList<>();
        for (List<String> row : catalogQuery(sql)) {
            columns.add(new Column(row.get(0), row.get(1)));
        }
        return columns;
    }

    @Override
    public void createSchema(String database, String schema) {
        String target = adapter.quote(catalogOf(database)) + "." + adapter.quote(normalize(schema));
        try {
            execute("CREATE SCHEMA IF NOT EXISTS " + target);
        }
        catch (EngineException e) {
            // another session created it between Trino's check and its own create
            if (e.getMessage() == null || !e.getMessage().contains("already exists")) {
                throw e;
            }
        }
    }

    @Override
    public long loadSeed(Relation target, SeedFile seed) {
        checkOpen();
        return new TrinoSeeds(adapter, this).load(target, seed);
    }

    /** The connector name of a catalog, or null when there is no such catalog. */
    String connectorOf(String catalog) {
        List<List<String>> rows = catalogQuery("SELECT connector_name FROM system.metadata.catalogs WHERE catalog_name = "
                + literal(normalize(catalog)));
        return rows.isEmpty() ? null : rows.get(0).get(0);
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

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String catalogOf(String database) {
        return normalize(database == null || database.isEmpty() ? adapter.config().catalog() : database);
    }

    private static String normalize(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    private List<List<String>> catalogQuery(String sql) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : execute(sql, true, -1).rows()) {
            List<String> texts = new ArrayList<>(row.size());
            row.forEach(value -> texts.add(value == null ? null : value.toString()));
            rows.add(texts);
        }
        return rows;
    }

    private QueryResult run(String sql, boolean fetch, int maxRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            if (cancelled) {
                throw new SQLException("Query was canceled");
            }
            TrinoStatement trino = statement.unwrap(TrinoStatement.class);
            AtomicReference<String> queryId = new AtomicReference<>();
            trino.setProgressMonitor(stats -> queryId.set(stats.getQueryId()));
            if (!statement.execute(sql)) {
                long count = statement.getLargeUpdateCount();
                String type = trino.getUpdateType();
                long rows = type != null && ROW_WRITES.contains(type) ? count : -1;
                return new QueryResult(List.of(), List.of(), rows, type == null ? "OK" : rows >= 0 ? type + " " + rows : type,
                        queryId.get());
            }
            try (ResultSet resultSet = statement.getResultSet()) {
                List<Column> columns = Column.listOf(resultSet.getMetaData());
                List<List<Object>> rows = new ArrayList<>();
                while ((!fetch || maxRows < 0 || rows.size() < maxRows) && resultSet.next()) {
                    // unfetched rows are still read to the end, so the statement runs as a whole
                    if (fetch) {
                        List<Object> row = new ArrayList<>(columns.size());
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(TrinoValues.read(resultSet, i, columns.get(i - 1).dataType()));
                        }
                        rows.add(row);
                    }
                }
                String id = resultSet.unwrap(TrinoResultSet.class).getQueryId();
                return new QueryResult(columns, rows, -1, fetch ? "SELECT " + rows.size() : "SELECT", id != null ? id : queryId.get());
            }
        }
        finally {
            running = null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }
}
