package io.smelt.compiler.graph;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a data test keeps its failing rows, and as what, as dbt decides it: {@code store_failures_as}
 * ({@code table}, {@code view}, or {@code ephemeral} for nothing) wins over {@code store_failures}, which
 * wins over the {@code --store-failures} flag.
 */
public final class StoreFailures {
    private static final List<String> KINDS = List.of("table", "view", "ephemeral");
    private static final String WHERE = "set it in the test's config:, under data_tests: in dbt_project.yml (+store_failures_as), "
            + "or with config() in a singular test";

    private StoreFailures() {
    }

    /**
     * {@code table} or {@code view} when the test stores its failures, else null (also for nodes that
     * are not data tests).
     *
     * @param flag {@code --store-failures} was given
     */
    public static String storedAs(Node node, boolean flag) {
        if (node == null || node.resourceType() != ResourceType.TEST) {
            return null;
        }
        Object as = node.config().get("store_failures_as");
        if (as != null) {
            String kind = as.toString();
            return kind.equals("ephemeral") ? null : kind;
        }
        Boolean configured = bool(node.config().get("store_failures"));
        return (configured != null ? configured : flag) ? "table" : null;
    }

    /** The same, with the flag as templates see it ({@code flags.STORE_FAILURES}). */
    public static String storedAs(Node node, Map<String, Object> flags) {
        return storedAs(node, Boolean.TRUE.equals(flags.get("STORE_FAILURES")));
    }

    /** Refuses tests whose store_failures or store_failures_as is not a value dbt accepts, before any SQL runs. */
    public static void checkAll(List<Node> nodes) {
        List<Diagnostic> problems = new ArrayList<>();
        for (Node node : nodes) {
            if (node.resourceType() != ResourceType.TEST) {
                continue;
            }
            Object as = node.config().get("store_failures_as");
            if (as != null && !KINDS.contains(as.toString())) {
                problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(), "test '" + node.name() + "': '" + as
                        + "' is not a valid value for store_failures_as; accepted values are " + KINDS, WHERE));
            }
            Object stored = node.config().get("store_failures");
            if (stored != null && bool(stored) == null) {
                problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(), "test '" + node.name()
                        + "': store_failures must be true or false, got '" + stored + "'", WHERE.replace("store_failures_as", "store_failures")));
            }
        }
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
    }

    static Boolean bool(Object value) {
        return io.smelt.compiler.graph.NodeConfig.flag(value);
    }
}
