package io.smelt.adapter.trino;

import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;
import io.smelt.adapter.jdbc.JdbcSession;
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
import java.util.function.Consumer;

import static io.smelt.adapter.jdbc.SqlText.literal;

/**
 * One Trino connection. Every statement commits by itself (the adapter's capabilities say there are
 * no transactions, so {@link #begin()} refuses), and a session holds no state on the server beyond
 * its session properties.
 *
 * <p>A statement that could not reach the server at all (connection refused) is sent again, up to
 * the profile's {@code retries} attempts with a doubling pause from one second; any other failure
 * may have run part of the statement on the server and is reported at once.
 */
final class TrinoSession extends JdbcSession {
    // statements whose update count is a number of rows written; DDL reports 0, which says nothing
    private static final Set<String> ROW_WRITES = Set.of("INSERT", "CREATE TABLE", "MERGE", "DELETE", "UPDATE");

    private final TrinoAdapter adapter;
    private final int attempts;

    TrinoSession(TrinoAdapter adapter, Connection connection, int attempts, Consumer<Session> onClose) {
        super(connection, "Query was canceled", onClose);
        this.adapter = adapter;
        this.attempts = attempts;
    }

    @Override
    public QueryResult execute(String sql, boolean fetch, int maxRows) {
        checkOpen();
        clearCancel();
        for (int attempt = 1; ; attempt++) {
            try {
                return run(sql, fetch, maxRows);
            }
            catch (SQLException e) {
                if (attempt >= attempts || cancelled() || closed() || !TrinoErrors.refusedConnection(e)) {
                    throw translate(e, sql);
                }
                pause(1000L << (attempt - 1));
            }
        }
    }

    @Override
    protected EngineException translate(SQLException e, String sql) {
        return TrinoErrors.translate(e, adapter.endpoint(), adapter::redact);
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
        for (List<String> row : textRows(sql)) {
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
        for (List<String> row : textRows(sql)) {
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
        List<List<String>> rows = textRows("SELECT connector_name FROM system.metadata.catalogs WHERE catalog_name = "
                + literal(normalize(catalog)));
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    private String catalogOf(String database) {
        return normalize(database == null || database.isEmpty() ? adapter.config().catalog() : database);
    }

    private static String normalize(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    @Override
    protected QueryResult runOn(Statement statement, String sql, boolean fetch, int maxRows) throws SQLException {
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
            List<Column> columns = columnsOf(resultSet.getMetaData());
            // unfetched rows are still read to the end, so the statement runs as a whole
            List<List<Object>> rows = readRows(resultSet, columns, fetch, maxRows, true);
            String id = resultSet.unwrap(TrinoResultSet.class).getQueryId();
            return new QueryResult(columns, rows, -1, fetch ? "SELECT " + rows.size() : "SELECT", id != null ? id : queryId.get());
        }
    }

    @Override
    protected Object readValue(ResultSet resultSet, int index, Column column) throws SQLException {
        return TrinoValues.read(resultSet, index, column.dataType());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
