package io.smelt.compiler.context;

import io.smelt.compiler.graph.Node;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One batch of a microbatch model: {@code model.batch} describes it, ref and source of a node with an
 * {@code event_time} config read only the batch's rows, and the batch replaces the table only when
 * told to (the first batch of a full refresh).
 */
final class BatchProvider extends RuntimeProvider {
    private final BatchWindow batch;
    private final boolean replacing;

    BatchProvider(DbtContext context, ContextHost host, Node node, ExecutionScope scope, BatchWindow batch, boolean replacing) {
        super(context, host, node, scope);
        this.batch = batch;
        this.replacing = replacing;
    }

    @Override
    public Optional<BatchWindow> batch() {
        return Optional.of(batch);
    }

    @Override
    public boolean shouldFullRefresh() {
        return replacing;
    }

    /** A node with an event_time reads as a subquery of the batch's rows (dbt 1.9's event_time filter); {@code .render()} keeps the name. */
    @Override
    protected RelationObject narrowed(Node target, RelationObject relation) {
        Object eventTime = target.config().get("event_time");
        if (eventTime == null || eventTime.toString().isBlank()) {
            return relation;
        }
        Object sql = host.engine().callMacro(host.rootPackage(), "event_time_filtered_relation",
                List.of(relation, eventTime.toString(), batch.startText(), batch.endText()), Map.of(), context.globals(Map.of()));
        return relation.printedAs(String.valueOf(sql).strip());
    }
}
