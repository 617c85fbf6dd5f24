package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.compiler.graph.NodeConfig;

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

    /** {@code --full-refresh}. */
    boolean fullRefresh();

    /**
     * Whether a node with this config is rebuilt rather than added to (dbt's {@code should_full_refresh()}):
     * its {@code full_refresh} config when it sets one, else {@code --full-refresh}.
     */
    default boolean fullRefresh(NodeConfig config) {
        return config.get("full_refresh") instanceof Boolean perNode ? perNode : fullRefresh();
    }

    /** {@code --empty}: ref() and source() read no rows. */
    default boolean empty() {
        return false;
    }
}
