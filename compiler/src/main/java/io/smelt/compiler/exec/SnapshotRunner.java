package io.smelt.compiler.exec;

import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.result.NodeResult;

/** Records a snapshot's changed source rows (slowly changing dimension, type 2). */
record SnapshotRunner(RunnerContext context) implements ResourceRunner {
    @Override
    public NodeResult run(NodeRun run) {
        CompiledNode compiled = context.compile(run.node(), run.scope());
        return context.results().built(run, compiled, context.materializer().snapshot(compiled, run.scope()));
    }
}
