package io.smelt.adapter.spark;

import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;
import io.smelt.adapter.jdbc.JdbcSession;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One connection to the Thrift server. Spark has no transactions, so every statement stands alone
 * (the adapter's capabilities say so, and {@link #begin()} refuses). The driver runs each statement
 * asynchronously and polls for its end, so a long MERGE is not cut off by a read timeout.
 */
final class SparkEngineSession extends JdbcSession {
    private static final Pattern TYPE = Pattern.compile("(?m)^Type: *(\\w+)");

    private final SparkAdapter adapter;

    SparkEngineSession(SparkAdapter adapter, Connection connection, Consumer<Session> onClose) {
        super(connection, "Query was cancelled", onClose);
        this.adapter = adapter;
    }

    @Override
    protected EngineException translate(SQLException e, String sql) {
        return SparkErrors.translate(e, adapter.endpoint(), adapter::redact);
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

    /** {@code DESCRIBE QUERY}: the types as Spark spells them in DDL, with their precisions and element types. */
    @Override
    public List<Column> queryColumns(String sql) {
        List<Column> columns = new ArrayList<>();
        for (List<Object> row : execute("DESCRIBE QUERY " + sql.strip(), true, -1).rows()) {
            columns.add(new Column(String.valueOf(row.get(0)), String.valueOf(row.get(1))));
        }
        return columns;
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

    @Override
    protected QueryResult runOn(Statement statement, String sql, boolean fetch, int maxRows) throws SQLException {
        if (!statement.execute(sql)) {
            return QueryResult.empty("OK");
        }
        try (ResultSet resultSet = statement.getResultSet()) {
            List<Column> columns = columnsOf(resultSet.getMetaData());
            // Delta's MERGE, INSERT, UPDATE and DELETE answer with the rows they wrote
            boolean counted = !columns.isEmpty() && columns.get(0).name().equalsIgnoreCase("num_affected_rows");
            // unfetched rows are still read to the end, so the statement runs as a whole
            List<List<Object>> rows = readRows(resultSet, columns, fetch || counted, fetch ? maxRows : -1, true);
            long affected = counted && !rows.isEmpty() ? ((Number) rows.get(0).get(0)).longValue() : -1;
            if (!fetch) {
                rows = List.of();
                if (columns.isEmpty()) {
                    return new QueryResult(List.of(), List.of(), -1, "OK", null);
                }
            }
            String message = counted ? "OK " + affected : fetch ? "SELECT " + rows.size() : "OK";
            return new QueryResult(columns, rows, affected, message, null);
        }
    }

    @Override
    protected Object readValue(ResultSet resultSet, int index, Column column) throws SQLException {
        return SparkValues.read(resultSet, index, column.dataType());
    }
}
