package io.smelt.compiler.materialize;

import io.smelt.adapter.Column;
import io.smelt.adapter.Relation;
import io.smelt.compiler.contract.ModelContract;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An incremental model's run against its existing table (and each batch of a microbatch model): the
 * new rows are staged, the table's columns follow {@code on_schema_change}, and the strategy's macro
 * writes them in.
 */
final class IncrementalBuild {
    private final LoadedProject project;

    IncrementalBuild(LoadedProject project) {
        this.project = project;
    }

    /** {@code strategyArgs} go to the strategy's macro besides dbt's arguments (a batch's window). */
    Materializer.Outcome apply(CompiledNode compiled, Scope scope, Relation target, IncrementalConfig incremental,
            Map<String, Object> strategyArgs, ContractBuild contracts) {
        Node node = compiled.node();
        Steps steps = new Steps(project, compiled, scope);
        long[] rows = {-1};
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            if (ModelContract.enforced(node)) {
                contracts.check(steps);
            }
            Relation tempRelation = steps.stage(target, compiled.sql());
            List<Object> destColumns = steps.columnObjects(
                    applySchemaChange(node, incremental.onSchemaChange(), steps, target, tempRelation));
            Map<String, Object> argDict = new LinkedHashMap<>();
            argDict.put("target_relation", steps.rel(target));
            argDict.put("temp_relation", steps.rel(tempRelation));
            argDict.put("unique_key", node.config().get("unique_key"));
            argDict.put("dest_columns", destColumns);
            argDict.put("incremental_predicates", node.config().get("incremental_predicates"));
            argDict.putAll(strategyArgs);
            rows[0] = steps.run("get_incremental_" + incremental.strategy().replace('+', '_') + "_sql", argDict);
            steps.relations().drop(tempRelation);
            steps.hooks("post-hook");
        });
        return new Materializer.Outcome("OK", rows[0], target, steps.executed());
    }

    /**
     * Compares the new rows (in {@code temp}) with the table and acts as {@code on_schema_change}
     * says; returns the columns the new rows are written to. Nothing is changed when the model must
     * fail: the temporary table is dropped and the target is left as it was.
     */
    private List<Column> applySchemaChange(Node node, String mode, Steps steps, Relation target, Relation temp) {
        Scope scope = steps.scope();
        List<Column> targetColumns = scope.columns(target);
        List<Column> sourceColumns = scope.columns(temp);
        checkUniqueKey(node, steps, temp, sourceColumns);
        SchemaChange change = SchemaChange.between(sourceColumns, targetColumns);
        if (change.isEmpty()) {
            return targetColumns;
        }
        switch (mode) {
            case "ignore" -> {
                if (change.removed().isEmpty()) {
                    return targetColumns;
                }
                throw schemaChangeFailure(node, steps, temp, change, "the table has columns the model no longer selects ("
                        + String.join(", ", change.removed().stream().map(Column::name).toList()) + ")");
            }
            case "fail" -> throw schemaChangeFailure(node, steps, temp, change, "on_schema_change is 'fail'");
            case "append_new_columns" -> {
                if (!change.added().isEmpty()) {
                    steps.run("apply_schema_change", steps.rel(target), steps.columnObjects(sourceColumns),
                            steps.columnObjects(change.added()), List.of(), List.of());
                }
            }
            default -> steps.run("apply_schema_change", steps.rel(target), steps.columnObjects(sourceColumns),
                    steps.columnObjects(change.added()), steps.columnObjects(change.removed()),
                    steps.columnObjects(change.retyped()));
        }
        return sourceColumns;
    }

    /** A unique_key that names a column the model does not select would match nothing, or everything. */
    private void checkUniqueKey(Node node, Steps steps, Relation temp, List<Column> sourceColumns) {
        Object key = node.config().get("unique_key");
        List<?> keys = key instanceof List<?> list ? list : key == null ? List.of() : List.of(key);
        List<String> names = sourceColumns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        for (Object k : keys) {
            String name = String.valueOf(k).trim();
            // an expression (dbt accepts some) is left to the engine
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !names.contains(name.toLowerCase(Locale.ROOT))) {
                steps.relations().drop(temp);
                throw new SmeltException(ErrorKind.PROJECT, node.definedAt(),
                        "unique_key column '" + name + "' is not among the model's columns (" + String.join(", ",
                                sourceColumns.stream().map(Column::name).toList()) + ")",
                        "select the key column in the model, or fix unique_key in its config");
            }
        }
    }

    private static SmeltException schemaChangeFailure(Node node, Steps steps, Relation temp, SchemaChange change, String why) {
        steps.relations().drop(temp);
        return new SmeltException(ErrorKind.ENGINE, node.definedAt(),
                "the model's columns differ from its table and " + why + ": " + change.describe(),
                "set on_schema_change to append_new_columns or sync_all_columns, or rebuild the table with --full-refresh");
    }
}
