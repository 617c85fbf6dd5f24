package io.smelt.compiler.exec;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.CustomMaterialization;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.materialize.Scope;
import io.smelt.compiler.result.NodeResult;

/**
 * Builds a model by its materialization: the project's own {@code {% materialization %}} when it
 * defines one, else view, table or incremental; a microbatch model goes to {@link MicrobatchRunner}.
 */
final class ModelRunner implements ResourceRunner {
    private final RunnerContext context;
    private final MicrobatchRunner microbatch;
    private final CustomMaterialization custom;

    ModelRunner(RunnerContext context, MicrobatchRunner microbatch) {
        this.context = context;
        this.microbatch = microbatch;
        this.custom = new CustomMaterialization(context.project());
    }

    @Override
    public NodeResult run(NodeRun run) {
        Node node = run.node();
        if (MicrobatchRunner.handles(node)) {
            return microbatch.run(run);
        }
        Scope scope = run.scope();
        CompiledNode compiled = context.compile(node, scope);
        JinjaEngine.MaterializationMacro block = custom.find(node);
        Materializer materializer = context.materializer();
        Materializer.Outcome outcome = block != null ? custom.run(compiled, scope, block) : switch (node.materialized()) {
            case "view" -> materializer.view(compiled, scope);
            case "table" -> materializer.table(compiled, scope);
            case "incremental" -> materializer.incremental(compiled, scope);
            default -> throw new SmeltException(ErrorKind.PROJECT, node.definedAt(),
                    "materialization '" + node.materialized() + "' is not defined for this engine",
                    "use view, table, incremental or ephemeral, or define it with {% materialization "
                            + node.materialized() + ", default %} in the project's macros");
        };
        return context.results().built(run, compiled, outcome);
    }
}
