package io.smelt.adapter;

import java.util.List;

/**
 * One connection to the engine, used by one thread at a time. Statements run in autocommit mode
 * unless {@link #begin()} started a transaction.
 */
public interface Session extends AutoCloseable {
    /**
     * Runs one statement.
     *
     * @param fetch read the result rows
     * @param maxRows at most this many rows are kept when fetching; negative for all
     * @throws EngineException when the engine refuses the statement
     */
    QueryResult execute(String sql, boolean fetch, int maxRows);

    default QueryResult execute(String sql) {
        return execute(sql, false, -1);
    }

    /** Starts a transaction; a no-op where {@link Capabilities#transactions()} is false. */
    void begin();

    void commit();

    void rollback();

    /** True between {@link #begin()} and {@link #commit()} or {@link #rollback()}. */
    boolean inTransaction();

    /**
     * Every relation in one schema, with its type, from one catalog query. Returns an empty list
     * when the schema does not exist.
     */
    List<Relation> listRelations(String database, String schema);

    /** The relation's columns in order; empty when it does not exist. */
    List<Column> columns(Relation relation);

    /** Creates the schema when missing. */
    void createSchema(String database, String schema);

    /**
     * Loads a CSV into a new table named {@code target}, which must not exist yet, the fastest way
     * the engine has.
     *
     * @return the number of rows loaded
     */
    long loadSeed(Relation target, SeedFile seed);

    /** Cancels the statement running on this session, from another thread; best effort. */
    default void cancel() {
    }

    @Override
    void close();
}
