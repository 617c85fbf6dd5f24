package io.smelt.compiler.materialize;

import io.smelt.adapter.Capabilities;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * An incremental model's strategy and on_schema_change, checked against what the engine can do. A run
 * checks every selected model before it starts, so a bad config stops the run (exit code 2) before
 * any table is touched.
 *
 * @param strategy the incremental_strategy, defaulted: delete+insert with a unique_key, else append
 * @param onSchemaChange ignore (default), fail, append_new_columns or sync_all_columns
 */
public record IncrementalConfig(String strategy, String onSchemaChange) {
    static final List<String> ON_SCHEMA_CHANGE = List.of("ignore", "fail", "append_new_columns", "sync_all_columns");

    /** The model's config; throws a project error naming the model's file when it cannot run. */
    static IncrementalConfig of(Node node, Capabilities capabilities, String engine) {
        List<Diagnostic> problems = new ArrayList<>();
        IncrementalConfig config = check(node, capabilities, engine, problems);
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
        return config;
    }

    /** Checks every incremental model of a run at once, reporting all problems together. */
    public static void checkAll(List<Node> nodes, Capabilities capabilities, String engine) {
        List<Diagnostic> problems = new ArrayList<>();
        for (Node node : nodes) {
            if ("incremental".equals(node.materialized())) {
                check(node, capabilities, engine, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
    }

    private static IncrementalConfig check(Node node, Capabilities capabilities, String engine, List<Diagnostic> problems) {
        NodeConfig config = node.config();
        Object unique = config.get("unique_key");
        String strategy = config.string("incremental_strategy", unique == null ? "append" : "delete+insert");
        if (!capabilities.incrementalStrategies().contains(strategy)) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(),
                    "incremental_strategy '" + strategy + "' is not supported by the " + engine + " engine",
                    "use one of " + capabilities.incrementalStrategies()));
        }
        else if ("insert_overwrite".equals(strategy)) {
            // without partitions it would replace the whole table on every run (dbt-spark#140)
            if (config.get("partition_by") == null) {
                problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(),
                        "incremental_strategy 'insert_overwrite' needs partition_by: without it every run would replace the whole table",
                        "set partition_by to the column(s) whose partitions the new rows replace, or use 'merge' with a unique_key"));
            }
        }
        else if ("microbatch".equals(strategy)) {
            MicrobatchConfig.check(node, problems);
        }
        else if (!"append".equals(strategy) && unique == null) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(),
                    "incremental_strategy '" + strategy + "' needs a unique_key", "set unique_key in the model's config"));
        }
        String mode = config.string("on_schema_change", "ignore");
        if (!ON_SCHEMA_CHANGE.contains(mode)) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(), "on_schema_change '" + mode + "' is not one of " + ON_SCHEMA_CHANGE,
                    "ignore (the default) keeps the table's columns; append_new_columns adds new ones; sync_all_columns also drops "
                            + "and retypes; fail stops the run"));
        }
        return new IncrementalConfig(strategy, mode);
    }
}
