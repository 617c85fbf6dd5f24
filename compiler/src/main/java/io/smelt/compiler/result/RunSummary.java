package io.smelt.compiler.result;

import java.time.Duration;
import java.util.List;

/** Every node's result in the order they finished, and the run's wall time. */
public record RunSummary(Command command, List<NodeResult> results, Duration elapsed) {
    public RunSummary {
        results = List.copyOf(results);
    }

    public boolean success() {
        return results.stream().noneMatch(r -> r.status().isFailure());
    }

    public long count(NodeStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
