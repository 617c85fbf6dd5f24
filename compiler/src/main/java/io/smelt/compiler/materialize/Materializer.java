package io.smelt.compiler.materialize;

import io.smelt.adapter.Capabilities;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.compiler.context.BatchWindow;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.RelationOps;
import io.smelt.compiler.contract.ModelContract;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds one model, seed, snapshot or stored test failure on one session. The order of steps is
 * here and in the classes it hands to ({@link IncrementalBuild}, {@link SnapshotBuild},
 * {@link SeedLoad}); the SQL of each step comes from dispatched macros, so engines change the
 * statements, not the steps. Where the engine has transactions every step runs in one, so a failure
 * leaves the previous relation as it was.
 */
public final class Materializer {
    /** What a build did, for the result line. */
    public record Outcome(String message, long rowsAffected, Relation relation, String executedSql) {
    }

    private final LoadedProject project;
    private final Capabilities capabilities;
    private final IncrementalBuild incrementals;
    private final SnapshotBuild snapshots;
    private final SeedLoad seeds;
    private final CloneBuild clones;
    private final ContractBuild contracts;

    public Materializer(LoadedProject project) {
        this.project = project;
        this.capabilities = project.adapter().capabilities();
        this.incrementals = new IncrementalBuild(project);
        this.snapshots = new SnapshotBuild(project);
        this.seeds = new SeedLoad(project);
        this.clones = new CloneBuild(project, this);
        this.contracts = new ContractBuild(project);
    }

    public Outcome view(CompiledNode compiled, Scope scope) {
        Relation target = project.relationOf(compiled.node()).withType(RelationType.VIEW);
        Relation existing = scope.lookup(target);
        Steps steps = new Steps(project, compiled, scope);
        RelationOps relations = steps.relations();
        if (oneStatement(compiled, relations, target, existing)) {
            // one statement commits or fails whole by itself: around it, a transaction only adds a
            // second commit (on DuckDB, twice the time of a run of many small views)
            relations.createView(target, compiled.sql());
            steps.persistDocs(target);
            return new Outcome("OK", -1, target, steps.executed());
        }
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            if (ModelContract.enforced(compiled.node())) {
                contracts.check(steps);
            }
            if (existing == null || existing.type() == RelationType.VIEW) {
                relations.createView(target, compiled.sql());
            }
            else if (capabilities.transactions()) {
                relations.drop(existing);
                relations.createView(target, compiled.sql());
            }
            else {
                // A table becomes a view: build the view beside it, then swap, so a failing view
                // leaves the table in place.
                Relation building = target.withIdentifier(target.identifier() + "__dbt_tmp");
                relations.dropIfExists(building);
                relations.createView(building, compiled.sql());
                steps.swapIn(building, target);
            }
            steps.hooks("post-hook");
        });
        steps.persistDocs(target);
        return new Outcome("OK", -1, target, steps.executed());
    }

    /** Whether the view is made by one statement: no hooks, no contract, nothing else in its place, one statement rendered. */
    private static boolean oneStatement(CompiledNode compiled, RelationOps relations, Relation target, Relation existing) {
        io.smelt.compiler.graph.Node node = compiled.node();
        if (!Hooks.of(node.config().get("pre-hook")).isEmpty() || !Hooks.of(node.config().get("post-hook")).isEmpty()
                || ModelContract.enforced(node) || (existing != null && existing.type() != RelationType.VIEW)) {
            return false;
        }
        Object text = relations.render("create_view_as", relations.object(target), compiled.sql());
        return io.smelt.compiler.sql.SqlStatements.split(String.valueOf(text)).size() == 1;
    }

    public Outcome table(CompiledNode compiled, Scope scope) {
        Relation target = project.relationOf(compiled.node()).withType(RelationType.TABLE);
        Steps steps = new Steps(project, compiled, scope);
        long[] rows = {-1};
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            if (ModelContract.enforced(compiled.node())) {
                contracts.check(steps);
                rows[0] = contracts.replaceTable(steps, target);
            }
            else {
                rows[0] = steps.replaceTable(target, compiled.sql());
            }
            steps.hooks("post-hook");
        });
        steps.persistDocs(target);
        return new Outcome("OK", rows[0], target, steps.executed());
    }

    public Outcome incremental(CompiledNode compiled, Scope scope) {
        return incremental(compiled, scope, scope.fullRefresh(compiled.node().config()), Map.of());
    }

    /**
     * One batch of a microbatch model: replaces the table when {@code replace} (or when there is none),
     * else applies the strategy to the batch's window.
     */
    public Outcome batch(CompiledNode compiled, Scope scope, boolean replace, BatchWindow batch, String eventTime) {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("event_time", eventTime);
        window.put("event_time_start", batch.startText());
        window.put("event_time_end", batch.endText());
        return incremental(compiled, scope, replace, window);
    }

    private Outcome incremental(CompiledNode compiled, Scope scope, boolean replace, Map<String, Object> strategyArgs) {
        Node node = compiled.node();
        Relation target = project.relationOf(node).withType(RelationType.TABLE);
        // a bad strategy config is refused on the first run too, before anything is written
        IncrementalConfig incremental = IncrementalConfig.of(node, capabilities, project.adapter().type());
        Relation existing = scope.lookup(target);
        if (existing == null || existing.type() != RelationType.TABLE || compiled.context() == null || replace) {
            return table(compiled, scope);
        }
        Outcome outcome = incrementals.apply(compiled, scope, target, incremental, strategyArgs, contracts);
        new Steps(project, compiled, scope).persistDocs(target);
        return outcome;
    }

    /** See {@link SnapshotBuild}. */
    public Outcome snapshot(CompiledNode compiled, Scope scope) {
        Outcome outcome = snapshots.run(compiled, scope);
        new Steps(project, compiled, scope).persistDocs(outcome.relation());
        return outcome;
    }

    /**
     * Stores a data test's failing rows ({@code sql}, already cut to the test's limit) as a table or a
     * view named by the test, replacing whatever an earlier run stored there, as dbt's test
     * materialization does.
     */
    public Outcome storeFailures(CompiledNode compiled, Scope scope, RelationType type, String sql) {
        Relation target = project.relationOf(compiled.node()).withType(type);
        Relation existing = scope.lookup(target);
        Steps steps = new Steps(project, compiled, scope);
        steps.transaction(() -> {
            if (existing != null && existing.type() != type) {
                steps.relations().drop(existing);
            }
            if (type == RelationType.VIEW) {
                steps.relations().createView(target, sql);
            }
            else {
                steps.replaceTable(target, sql);
            }
        });
        return new Outcome("OK", -1, target, steps.executed());
    }

    /** See {@link CloneBuild}: {@code source} is the node's relation in the comparison run. */
    public Outcome clone(CompiledNode compiled, Scope scope, Relation source) {
        return clones.run(compiled, scope, source);
    }

    /** See {@link SeedLoad}. */
    public Outcome seed(Node node, DbtContext context, Scope scope, SeedFile seed) {
        Outcome outcome = seeds.run(node, context, scope, seed);
        new Steps(project, new CompiledNode(node, "", context, null), scope).persistDocs(outcome.relation());
        return outcome;
    }
}
