package io.smelt.compiler.materialize;

import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;

/**
 * Loads a seed's CSV into a table beside the old one and swaps it in, so a failed load leaves the
 * previous rows in place; the half-loaded table is dropped on failure.
 */
final class SeedLoad {
    private final LoadedProject project;

    SeedLoad(LoadedProject project) {
        this.project = project;
    }

    Materializer.Outcome run(Node node, DbtContext context, Scope scope, SeedFile seed) {
        Relation target = project.relationOf(node).withType(RelationType.TABLE);
        Relation loading = target.withIdentifier(target.identifier() + "__dbt_tmp");
        Steps steps = new Steps(project, new CompiledNode(node, "", context, null), scope);
        steps.relations().dropIfExists(loading);
        long rows;
        try {
            rows = scope.session().loadSeed(loading, seed);
        }
        catch (RuntimeException e) {
            steps.dropQuietly(loading);
            throw e;
        }
        try {
            steps.transaction(() -> {
                steps.hooks("pre-hook");
                steps.swapIn(loading.withType(RelationType.TABLE), target);
                steps.hooks("post-hook");
            });
        }
        catch (RuntimeException e) {
            steps.dropQuietly(loading);
            throw e;
        }
        return new Materializer.Outcome("INSERT " + rows, rows, target, steps.executed());
    }
}
