package io.smelt.compiler.exec;

import io.smelt.adapter.Relation;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;


/**
 * {@code clone}: every selected model, seed and snapshot gets its relation from the comparison run's
 * ({@link Materializer#clone}). The node's own SQL is not compiled: as in dbt, its code is a select
 * from that relation, which a view over it uses.
 */
record CloneRunner(RunnerContext context) implements ResourceRunner {
    @Override
    public NodeResult run(NodeRun run) {
        Node node = run.node();
        Relation source = context.project().deferral().relation(node.uniqueId());
        if (source == null) {
            context.project().listener().message(RunListener.Level.INFO, "No relation found in the --state manifest for " + node.uniqueId());
            return context.results().finished(run, NodeStatus.SUCCESS, "No-op", 0, null, NodeResults.response("No-op", -1));
        }
        DbtContext dbt = DbtContext.forExecution(context.project(), node, run.scope());
        CompiledNode compiled = new CompiledNode(node, "select * from " + context.project().adapter().render(source), dbt, null);
        Materializer.Outcome outcome = context.materializer().clone(compiled, run.scope(), source);
        return context.results().built(run, compiled, outcome);
    }
}
