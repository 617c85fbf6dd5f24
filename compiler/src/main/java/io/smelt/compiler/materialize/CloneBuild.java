package io.smelt.compiler.materialize;

import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.load.LoadedProject;

import java.util.Set;

/**
 * {@code smelt clone}: puts a node's relation in this target from the comparison run's, as dbt's
 * {@code clone} materialization does. A relation this target has is left alone unless
 * {@code --full-refresh}. A table the engine can clone without copying its data
 * ({@code can_clone_table}, {@code create_or_replace_clone}) is cloned; otherwise the node becomes a
 * view over the comparison run's relation, except an incremental model or a snapshot, whose next run
 * adds to its table, so a view cannot stand in for it: that table is copied.
 */
final class CloneBuild {
    private static final Set<String> ADDS_TO_TABLE = Set.of("incremental", "snapshot");


    private final LoadedProject project;
    private final Materializer materializer;

    CloneBuild(LoadedProject project, Materializer materializer) {
        this.project = project;
        this.materializer = materializer;
    }

    /**
     * @param compiled the node with {@code select * from} the comparison relation as its SQL
     * @param source the node's relation in the comparison run
     */
    Materializer.Outcome run(CompiledNode compiled, Scope scope, Relation source) {
        Node node = compiled.node();
        Relation target = project.relationOf(node);
        Relation existing = scope.lookup(target);
        if (existing != null && !scope.fullRefresh()) {
            return new Materializer.Outcome("No-op: " + render(existing) + " exists", -1, existing, "");
        }
        Relation original = scope.lookup(source);
        if (original == null) {
            throw new SmeltException(ErrorKind.ENGINE, node.definedAt(), "the comparison run's relation of " + node.uniqueId() + ", "
                    + render(source) + ", does not exist", "give --state the artifacts of the run that built the relations to clone");
        }
        if (same(target, original)) {
            return new Materializer.Outcome("No-op: " + render(target) + " is the comparison run's relation", -1, existing, "");
        }
        boolean table = original.type() == RelationType.TABLE;
        Steps steps = new Steps(project, compiled, scope);
        if (table && Boolean.TRUE.equals(steps.call("can_clone_table"))) {
            Relation clone = target.withType(RelationType.TABLE);
            steps.transaction(() -> {
                if (existing != null && existing.type() != RelationType.TABLE) {
                    steps.relations().drop(existing);
                }
                steps.run("create_or_replace_clone", steps.rel(clone), steps.rel(original));
                scope.changed(clone, true);
            });
            return new Materializer.Outcome("CLONE of " + render(original), -1, clone, steps.executed());
        }
        if (table && (node.resourceType() == ResourceType.SNAPSHOT || ADDS_TO_TABLE.contains(node.materialized()))) {
            return said("COPY of " + render(original), materializer.table(compiled, scope));
        }
        return said("VIEW of " + render(original), materializer.view(compiled, scope));
    }

    private static Materializer.Outcome said(String message, Materializer.Outcome outcome) {
        return new Materializer.Outcome(message, outcome.rowsAffected(), outcome.relation(), outcome.executedSql());
    }

    private boolean same(Relation a, Relation b) {
        return render(a.withType(null)).equals(render(b.withType(null)));
    }

    private String render(Relation relation) {
        return project.adapter().render(relation);
    }
}
