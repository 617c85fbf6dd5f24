package io.smelt.compiler.materialize;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.compiler.context.ExecutionScope;

import java.util.List;

/** One worker's view of the engine: its session plus the shared relation cache. */
public record Scope(Session session, RelationCache cache, boolean fullRefresh, boolean empty) implements ExecutionScope {
    public Scope(Session session, RelationCache cache, boolean fullRefresh) {
        this(session, cache, fullRefresh, false);
    }

    @Override
    public Relation lookup(Relation relation) {
        return cache.lookup(session, relation);
    }

    @Override
    public void changed(Relation relation, boolean exists) {
        cache.changed(relation, exists);
    }

    @Override
    public List<Column> columns(Relation relation) {
        return session.columns(relation);
    }

    @Override
    public QueryResult execute(String sql, boolean fetch) {
        return session.execute(sql, fetch, -1);
    }
}
