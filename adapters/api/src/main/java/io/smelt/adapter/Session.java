package io.smelt.adapter;

import java.util.List;

/**
 * One connection to the engine, used by one thread at a time. Statements run in autocommit mode
 * unless {@link #begin()} started a transaction. The default methods are the contract of an engine
 * that lacks the feature: they refuse with an {@link UnsupportedOperationException} saying so, or,
 * where doing nothing is correct ({@link #rollback()}, {@link #cancel()}), do nothing.
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

    /**
     * Starts a transaction. By default refuses with an {@link UnsupportedOperationException}: an
     * engine whose {@link Capabilities#transactions()} is false runs every statement by itself, and
     * the compiler begins transactions only where that flag is true. An engine with transactions
     * overrides this and the three methods after it.
     *
     * @throws IllegalStateException if a transaction is already open
     */
    default void begin() {
        throw transactionsUnsupported();
    }

    /** Commits the open transaction; by default refuses, as {@link #begin()} does. */
    default void commit() {
        throw transactionsUnsupported();
    }

    /**
     * Rolls back the open transaction; does nothing when none is open, so it is safe in cleanup. By
     * default nothing is ever open.
     */
    default void rollback() {
    }

    /** True between {@link #begin()} and {@link #commit()} or {@link #rollback()}; by default always false. */
    default boolean inTransaction() {
        return false;
    }

    /**
     * Every relation in one schema, with its type, from one catalog query. Returns an empty list
     * when the schema does not exist.
     */
    List<Relation> listRelations(String database, String schema);

    /** The relation's columns in order; empty when it does not exist. */
    List<Column> columns(Relation relation);

    /**
     * The columns a query returns, with the types this engine gives them, read without reading rows.
     * By default the query (already written to return no rows, such as dbt's empty subquery) is run
     * and its result's columns are read; an engine whose driver reports poorer type names overrides it.
     */
    default List<Column> queryColumns(String sql) {
        return execute(sql, true, 0).columns();
    }

    /** Creates the schema when missing. */
    void createSchema(String database, String schema);

    /**
     * Loads a CSV into a new table named {@code target}, which must not exist yet, the fastest way
     * the engine has. By default refuses with an {@link UnsupportedOperationException}, for an engine
     * that cannot load seeds.
     *
     * @return the number of rows loaded
     */
    default long loadSeed(Relation target, SeedFile seed) {
        throw new UnsupportedOperationException("loading seeds is not supported by this engine (seed " + seed.csv().getFileName() + ")");
    }

    /** Cancels the statement running on this session, from another thread; best effort, by default nothing. */
    default void cancel() {
    }

    @Override
    void close();

    private static UnsupportedOperationException transactionsUnsupported() {
        return new UnsupportedOperationException("transactions are not supported by this engine: its capabilities say"
                + " transactions: false, so every statement commits by itself");
    }
}
