package io.smelt.compiler.context;

import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.state.Deferral;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * dbt's RuntimeProvider: ref and source resolve against the linked project and read what the engine
 * has now, statements run on the worker's session.
 */
sealed class RuntimeProvider implements Provider permits OperationProvider, BatchProvider, UnitTestProvider {
    protected final DbtContext context;
    protected final ContextHost host;
    protected final Node node;
    protected final ExecutionScope scope;
    private final NodeConfig config;
    private final Set<Node> ephemerals = new LinkedHashSet<>();
    private final Map<String, Object> executionConfig = new LinkedHashMap<>();

    /** @param node the node being run; null only for an {@link OperationProvider} */
    RuntimeProvider(DbtContext context, ContextHost host, Node node, ExecutionScope scope) {
        this.context = context;
        this.host = host;
        this.node = node;
        this.scope = scope;
        this.config = node == null ? NodeConfig.EMPTY : node.config();
    }

    @Override
    public boolean executing() {
        return true;
    }

    @Override
    public RelationObject ref(String packageName, String name, String version) {
        Node target = host.resolveRef(node, packageName, name, version);
        if (target == null) {
            throw DbtContext.error("ref('" + name + "') names no model, seed or snapshot", "check the name, or run `smelt ls` to list nodes");
        }
        checkDependency(target, name);
        return read(target);
    }

    /** dbt's RuntimeRefResolver.validate: a node may ref at run time only what parsing saw it ref. */
    protected void checkDependency(Node target, String name) {
        if (!node.dependsOn().contains(target.uniqueId())) {
            // Parsing did not see this ref (it sits under {% if execute %}), so nothing made the
            // referenced node run first.
            throw DbtContext.error(node.name() + " refers to '" + name + "' only at run time, so its dependency is unknown",
                    "add this line at the top of the model: -- depends_on: {{ ref('" + name + "') }}");
        }
    }

    @Override
    public RelationObject source(String sourceName, String tableName) {
        Node target = host.resolveSource(node, sourceName, tableName);
        if (target == null) {
            throw DbtContext.error("source('" + sourceName + "', '" + tableName + "') is not declared",
                    "declare it under sources: in a .yml file");
        }
        return read(target);
    }

    /** What the render reads for a node it refers to: its relation, or the CTE of an ephemeral model. */
    protected RelationObject read(Node target) {
        if (target.isEphemeral()) {
            ephemerals.add(target);
            return limited(new RelationObject(new Relation(null, null, "__dbt__cte__" + target.name(), RelationType.CTE),
                    host.adapter()));
        }
        return limited(narrowed(target, new RelationObject(relationToRead(target), host.adapter())));
    }

    /**
     * The relation a ref or source reads, as dbt's {@code RuntimeRefResolver.create_relation}: this
     * target's, or under {@code --defer} the comparison run's (see {@link Deferral#refTarget}).
     */
    private Relation relationToRead(Node target) {
        Relation here = host.relationOf(target);
        Relation existing = scope.lookup(here);
        if (target.resourceType() == ResourceType.SOURCE) {
            return existing == null ? here : existing;
        }
        Deferral deferral = host.deferral();
        Relation deferred = deferral.refTarget(target.uniqueId(), host.selected(target.uniqueId()), existing != null);
        if (deferred != null) {
            if (deferral.recordRead(target.uniqueId())) {
                host.listener().message(RunListener.Level.DEBUG, target.uniqueId() + " is read from the comparison run: "
                        + host.adapter().render(deferred));
            }
            return deferred;
        }
        if (deferral.firstLacking(target.uniqueId())) {
            host.listener().message(RunListener.Level.DEBUG, target.uniqueId() + " is not in " + deferral.file()
                    + ", so --defer reads it from this target: " + host.adapter().render(here));
        }
        return existing == null ? here : existing;
    }

    /** The relation of {@code target} as this render reads it: all of it, outside a batch. */
    protected RelationObject narrowed(Node target, RelationObject relation) {
        return relation;
    }

    /** Under {@code --empty}, a relation read as a subquery of no rows (dbt's {@code render_limited}); {@code .render()} keeps the name. */
    private RelationObject limited(RelationObject relation) {
        if (!scope.empty()) {
            return relation;
        }
        Object sql = host.engine().callMacro(host.rootPackage(), "limited_relation_sql", List.of(relation, 0L), Map.of(),
                context.globals(Map.of()));
        return relation.printedAs(String.valueOf(sql).strip());
    }

    @Override
    public ConfigCall config(NodeConfig config) {
        return new ConfigCall(config, Map.of(), executionConfig::putAll);
    }

    @Override
    public Object undefinedVar(SmeltException missing) {
        throw missing;
    }

    /** True when the node's table is there to add to: dbt's {@code is_incremental()}. */
    @Override
    public boolean isIncremental() {
        if (!"incremental".equals(config.materialized()) || shouldFullRefresh()) {
            return false;
        }
        Relation existing = scope.lookup(host.relationOf(node));
        return existing != null && existing.type() == RelationType.TABLE;
    }

    @Override
    public boolean shouldFullRefresh() {
        return scope.fullRefresh(config);
    }

    @Override
    public Optional<QueryResult> run(String sql, boolean fetch) {
        return Optional.of(scope.execute(sql, fetch));
    }

    @Override
    public Relation current(Relation relation) {
        Relation existing = scope.lookup(relation);
        return existing == null ? relation : existing;
    }

    @Override
    public AdapterObject adapter(DbtContext context) {
        return new AdapterObject(host, new AdapterDatabase.Running(host, context, scope));
    }

    @Override
    public Set<Node> ephemerals() {
        return ephemerals;
    }

    @Override
    public Map<String, Object> executionConfig() {
        return executionConfig;
    }
}
