package io.smelt.compiler.context;

import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.SourceCall;
import io.smelt.compiler.jinja.JinjaEngine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * dbt's ParseProvider: ref, source and config calls go to the {@link ParseCapture}, relations are
 * provisional and nothing touches the engine.
 */
final class ParseProvider implements Provider {
    private final ContextHost host;
    private final Node node;
    private final ParseCapture capture;

    /** @param node the node being parsed, or null for text outside a node (a properties file's value) */
    ParseProvider(ContextHost host, Node node, ParseCapture capture) {
        this.host = host;
        this.node = node;
        this.capture = capture;
    }

    @Override
    public boolean executing() {
        return false;
    }

    @Override
    public RelationObject ref(String packageName, String name, String version) {
        capture.refs.add(new RefCall(packageName, name, version, JinjaEngine.currentLine()));
        Relation guess = new Relation(node == null ? null : node.database(), node == null ? null : node.schema(), name, null);
        return new RelationObject(guess, host.adapter());
    }

    @Override
    public RelationObject source(String sourceName, String tableName) {
        capture.sources.add(new SourceCall(sourceName, tableName, JinjaEngine.currentLine()));
        return new RelationObject(new Relation(null, sourceName, tableName, null), host.adapter());
    }

    @Override
    public ConfigCall config(NodeConfig config) {
        return new ConfigCall(config, capture.config, call -> {
            capture.configCalls.add(call);
            capture.config.putAll(call);
        });
    }

    @Override
    public void envVarRead(String name, String value) {
        capture.envVars.put(name, value);
    }

    @Override
    public void varRead(String name) {
        capture.vars.add(name);
    }

    @Override
    public Object undefinedVar(SmeltException missing) {
        if (node == null) {
            throw missing;
        }
        // as dbt's parser does, answer none; the node fails when it is compiled (RuntimeProvider)
        capture.missingVars.add(missing);
        return null;
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public boolean shouldFullRefresh() {
        return false;
    }

    @Override
    public Optional<QueryResult> run(String sql, boolean fetch) {
        return Optional.empty();
    }

    @Override
    public Relation current(Relation relation) {
        return relation;
    }

    @Override
    public AdapterObject adapter(DbtContext context) {
        return new AdapterObject(host, new AdapterDatabase.Parsing());
    }

    @Override
    public Set<Node> ephemerals() {
        return Set.of();
    }

    @Override
    public Map<String, Object> executionConfig() {
        return Map.of();
    }
}
