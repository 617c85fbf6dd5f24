package io.smelt.compiler.exec;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;

import java.util.List;
import java.util.function.Supplier;

/**
 * A session that connects on its first use: {@code compile} renders models without a connection
 * unless one asks the warehouse something ({@code run_query}, introspection), and an embedded
 * engine's connection is the dearest part of a one-model compile.
 */
final class OnDemandSession implements Session {
    private final Supplier<Session> open;
    private Session session;

    OnDemandSession(Supplier<Session> open) {
        this.open = open;
    }

    private synchronized Session session() {
        if (session == null) {
            session = open.get();
        }
        return session;
    }

    @Override
    public QueryResult execute(String sql, boolean fetch, int maxRows) {
        return session().execute(sql, fetch, maxRows);
    }

    @Override
    public void begin() {
        session().begin();
    }

    @Override
    public void commit() {
        session().commit();
    }

    @Override
    public void rollback() {
        session().rollback();
    }

    @Override
    public boolean inTransaction() {
        Session opened;
        synchronized (this) {
            opened = session;
        }
        return opened != null && opened.inTransaction();
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        return session().listRelations(database, schema);
    }

    @Override
    public List<Column> columns(Relation relation) {
        return session().columns(relation);
    }

    @Override
    public List<Column> queryColumns(String sql) {
        return session().queryColumns(sql);
    }

    @Override
    public void createSchema(String database, String schema) {
        session().createSchema(database, schema);
    }

    @Override
    public long loadSeed(Relation target, SeedFile seed) {
        return session().loadSeed(target, seed);
    }

    @Override
    public void cancel() {
        Session opened;
        synchronized (this) {
            opened = session;
        }
        if (opened != null) {
            opened.cancel();
        }
    }

    @Override
    public void close() {
        Session opened;
        synchronized (this) {
            opened = session;
            session = null;
        }
        if (opened != null) {
            opened.close();
        }
    }
}
