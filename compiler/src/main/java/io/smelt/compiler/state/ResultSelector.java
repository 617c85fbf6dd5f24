package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.SelectionCriterion;
import io.smelt.compiler.graph.SelectorMethod;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * dbt's {@code result:} method: the nodes whose status in the {@code --state} folder's run_results.json
 * is the value ({@code result:error+} with the graph operators). Unlike dbt, which matches any word, a
 * value that is no status is an error, so a typo never selects nothing.
 */
public final class ResultSelector implements SelectorMethod {
    /** The statuses run_results.json records. */
    public static final List<String> STATUSES = List.of("success", "error", "fail", "warn", "skipped", "pass");

    private final PreviousRun run;
    private Map<String, String> statuses;

    public ResultSelector(PreviousRun run) {
        this.run = requireNonNull(run, "run is null");
    }

    @Override
    public Predicate<Node> matcher(SelectionCriterion criterion) {
        String wanted = criterion.value();
        if (!STATUSES.contains(wanted)) {
            throw new SmeltException(ErrorKind.SELECTOR, null, "selector '" + criterion.raw() + "' names no status of a run",
                    "use result: with one of " + String.join(", ", STATUSES));
        }
        Map<String, String> byId = statuses();
        return node -> wanted.equals(byId.get(node.uniqueId()));
    }

    private synchronized Map<String, String> statuses() {
        if (statuses == null) {
            Map<String, String> byId = new HashMap<>();
            for (JsonNode result : run.runResults().path("results")) {
                byId.put(result.path("unique_id").asText(), result.path("status").asText());
            }
            statuses = Map.copyOf(byId);
        }
        return statuses;
    }
}
