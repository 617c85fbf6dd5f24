package io.smelt.adapter.jdbc;

import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * One JDBC connection as a {@link Session}: running a statement on a fresh {@link Statement} that
 * another thread can {@link #cancel()}, reading its rows, and closing once. An engine says how a
 * statement runs and reads ({@link #runOn}), how one value is read ({@link #readValue}) and how the
 * driver's errors read ({@link #translate}); it adds the catalog queries and seed loading.
 *
 * <p>A cancel sets a flag as well as cancelling the running statement, so a statement about to
 * start fails at once instead of running after the cancel; the next {@link #execute} clears it.
 */
public abstract class JdbcSession implements Session {
    private final Connection connection;
    private final String cancelledMessage;
    private final Consumer<Session> onClose;
    private volatile Statement running;
    private volatile boolean cancelled;
    private volatile boolean closed;

    /**
     * @param connection the open connection, which this session closes
     * @param cancelledMessage the engine's own message for a cancelled statement, so that {@link
     *     #translate} reads a cancel before the start as it reads one during the run
     * @param onClose told once when the session closes, such as {@link OpenSessions#remove}
     */
    protected JdbcSession(Connection connection, String cancelledMessage, Consumer<Session> onClose) {
        this.connection = requireNonNull(connection, "connection is null");
        this.cancelledMessage = requireNonNull(cancelledMessage, "cancelledMessage is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    /** Runs the statement once; an engine that retries some failures overrides this around {@link #run}. */
    @Override
    public QueryResult execute(String sql, boolean fetch, int maxRows) {
        checkOpen();
        clearCancel();
        try {
            return run(sql, fetch, maxRows);
        }
        catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /** The driver's error as the engine's message, with no Java names and no secrets. */
    protected abstract EngineException translate(SQLException e, String sql);

    /**
     * Executes {@code sql} on {@code statement} and reads what it returned.
     *
     * @param maxRows at most this many rows kept when fetching; negative for all
     */
    protected abstract QueryResult runOn(Statement statement, String sql, boolean fetch, int maxRows) throws SQLException;

    /** The value of column {@code index} (1-based) of the current row, as {@link QueryResult} promises it. */
    protected abstract Object readValue(ResultSet resultSet, int index, Column column) throws SQLException;

    /** Runs one statement on a new {@link Statement} that {@link #cancel()} can reach. */
    protected final QueryResult run(String sql, boolean fetch, int maxRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            if (cancelled) {
                throw new SQLException(cancelledMessage);
            }
            return runOn(statement, sql, fetch, maxRows);
        }
        finally {
            running = null;
        }
    }

    /**
     * Reads a result's rows with {@link #readValue}: when fetching, at most {@code maxRows} (all when
     * negative); when not, none are kept, and with {@code drain} they are still read to the end, for
     * engines that run a statement only as far as its rows are read.
     */
    protected final List<List<Object>> readRows(ResultSet resultSet, List<Column> columns, boolean fetch, int maxRows, boolean drain)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        while ((fetch || drain) && (!fetch || maxRows < 0 || rows.size() < maxRows) && resultSet.next()) {
            if (fetch) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(readValue(resultSet, i, columns.get(i - 1)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The columns of a result, in order, with the names and type names the driver reports. */
    protected static List<Column> columnsOf(ResultSetMetaData meta) throws SQLException {
        List<Column> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnName(i), meta.getColumnTypeName(i)));
        }
        return columns;
    }

    /** Runs a catalog query and returns its rows as text (nulls kept). */
    protected final List<List<String>> textRows(String sql) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : execute(sql, true, -1).rows()) {
            List<String> texts = new ArrayList<>(row.size());
            row.forEach(value -> texts.add(value == null ? null : value.toString()));
            rows.add(texts);
        }
        return rows;
    }

    protected final Connection connection() {
        return connection;
    }

    /** True after {@link #cancel()} until the next statement starts. */
    protected final boolean cancelled() {
        return cancelled;
    }

    protected final void clearCancel() {
        cancelled = false;
    }

    protected final boolean closed() {
        return closed;
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

    /** Closes the connection once; an engine that must end a transaction first overrides this and calls it. */
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
            onClose.accept(this);
        }
    }

    /** @throws IllegalStateException once the session is closed */
    protected final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }
}
