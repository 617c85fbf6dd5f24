package io.smelt.compiler.exec;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.materialize.CompiledNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL each node compiled to in this run and the worker thread that compiled it, for
 * {@code run_results.json} and the {@code results} of on-run-end hooks. Written from worker threads.
 */
final class CompiledCode {
    private final Map<String, String> sql = new ConcurrentHashMap<>();
    private final Map<String, String> threadIds = new ConcurrentHashMap<>();

    CompiledNode record(CompiledNode compiled) {
        record(compiled.node(), compiled.sql());
        return compiled;
    }

    void record(Node node, String compiledSql) {
        sql.put(node.uniqueId(), compiledSql);
        threadIds.put(node.uniqueId(), Thread.currentThread().getName());
    }

    /** Records the worker thread of a node that compiles no SQL of its own (a source's freshness check). */
    void ranOn(Node node) {
        threadIds.put(node.uniqueId(), Thread.currentThread().getName());
    }

    /** Compiled SQL of every node compiled so far, by unique id. */
    Map<String, String> sql() {
        return sql;
    }

    /** The worker thread each node ran on, by unique id. */
    Map<String, String> threadIds() {
        return threadIds;
    }
}
