package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;

import java.util.List;

/**
 * The engine side of one execution-time render: the worker's session and the project's relation
 * cache. Absent at parse time.
 */
public interface ExecutionScope {
    Session session();

    /** The relation as the engine has it now (type set), or null when it does not exist. */
    Relation lookup(Relation relation);

    /** Tells the cache a relation was created (type set) or dropped (type null). */
    void changed(Relation relation, boolean exists);

    List<Column> columns(Relation relation);

    /** Runs SQL the template asked for ({@code run_query}, {@code statement}). */
    QueryResult execute(String sql, boolean fetch);

    boolean fullRefresh();

    /** {@code --empty}: ref() and source() read no rows. */
    default boolean empty() {
        return false;
    }
}
