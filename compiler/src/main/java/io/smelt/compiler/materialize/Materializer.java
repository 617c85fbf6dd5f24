package io.smelt.compiler.materialize;

import io.smelt.compiler.load.LoadedProject;
import io.smelt.adapter.Capabilities;
import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;
import io.smelt.compiler.context.BatchWindow;
import io.smelt.compiler.context.ColumnObject;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.RelationObject;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.sql.SqlStatements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds one model or seed on one session. The order of steps is here; the SQL of each step comes
 * from dispatched macros, so engines change the statements, not the steps. Where the engine has
 * transactions every step runs in one, so a failure leaves the previous relation as it was.
 */
public final class Materializer {
    /** What a build did, for the result line. */
    public record Outcome(String message, long rowsAffected, Relation relation, String executedSql) {
    }

    private final LoadedProject project;
    private final Capabilities capabilities;

    public Materializer(LoadedProject project) {
        this.project = project;
        this.capabilities = project.adapter().capabilities();
    }

    public Outcome view(CompiledNode compiled, Scope scope) {
        Relation target = project.relationOf(compiled.node()).withType(RelationType.VIEW);
        Relation existing = scope.lookup(target);
        Steps steps = new Steps(compiled, scope);
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            if (existing == null || existing.type() == RelationType.VIEW) {
                steps.run("create_view_as", rel(target), compiled.sql());
            }
            else if (capabilities.transactions()) {
                steps.run("drop_relation", rel(existing));
                steps.run("create_view_as", rel(target), compiled.sql());
            }
            else {
                // A table becomes a view: build the view beside it, then swap, so a failing view
                // leaves the table in place.
                Relation building = target.withIdentifier(target.identifier() + "__dbt_tmp");
                Relation leftover = scope.lookup(building);
                if (leftover != null) {
                    steps.run("drop_relation", rel(leftover));
                }
                steps.run("create_view_as", rel(building), compiled.sql());
                swapIn(steps, scope, building, target);
            }
            steps.hooks("post-hook");
        });
        scope.changed(target, true);
        return new Outcome("OK", -1, target, steps.executed());
    }

    public Outcome table(CompiledNode compiled, Scope scope) {
        Relation target = project.relationOf(compiled.node()).withType(RelationType.TABLE);
        Steps steps = new Steps(compiled, scope);
        long[] rows = {-1};
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            rows[0] = replaceTable(steps, scope, target, compiled.sql());
            steps.hooks("post-hook");
        });
        scope.changed(target, true);
        return new Outcome("OK", rows[0], target, steps.executed());
    }

    public Outcome incremental(CompiledNode compiled, Scope scope) {
        return incremental(compiled, scope, scope.fullRefresh(compiled.node().config()), Map.of());
    }

    /**
     * One batch of a microbatch model: replaces the table when {@code replace} (or when there is none),
     * else applies the strategy to the batch's window.
     */
    public Outcome batch(CompiledNode compiled, Scope scope, boolean replace, BatchWindow batch, String eventTime) {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("event_time", eventTime);
        window.put("event_time_start", batch.startText());
        window.put("event_time_end", batch.endText());
        return incremental(compiled, scope, replace, window);
    }

    private Outcome incremental(CompiledNode compiled, Scope scope, boolean replace, Map<String, Object> strategyArgs) {
        Node node = compiled.node();
        Relation target = project.relationOf(node).withType(RelationType.TABLE);
        // a bad strategy config is refused on the first run too, before anything is written
        IncrementalConfig incremental = IncrementalConfig.of(node, capabilities, project.adapter().type());
        String strategy = incremental.strategy();
        String onSchemaChange = incremental.onSchemaChange();
        Relation existing = scope.lookup(target);
        if (existing == null || existing.type() != RelationType.TABLE || compiled.context() == null || replace) {
            return table(compiled, scope);
        }
        Steps steps = new Steps(compiled, scope);
        long[] rows = {-1};
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            Relation tempRelation = stage(steps, target, compiled.sql());
            List<Object> destColumns = new ArrayList<>();
            for (Column column : applySchemaChange(node, onSchemaChange, steps, target, tempRelation)) {
                destColumns.add(new ColumnObject(column, project.adapter()));
            }
            Map<String, Object> argDict = new LinkedHashMap<>();
            argDict.put("target_relation", rel(target));
            argDict.put("temp_relation", rel(tempRelation));
            argDict.put("unique_key", node.config().get("unique_key"));
            argDict.put("dest_columns", destColumns);
            argDict.put("incremental_predicates", node.config().get("incremental_predicates"));
            argDict.putAll(strategyArgs);
            rows[0] = steps.run("get_incremental_" + strategy.replace('+', '_') + "_sql", argDict);
            steps.run("drop_relation", rel(tempRelation));
            steps.hooks("post-hook");
        });
        return new Outcome("OK", rows[0], target, steps.executed());
    }

    /**
     * Records the changes of a snapshot's source. The first run creates the table from the source
     * rows with the snapshot columns added; later runs stage the source rows, add columns the source
     * gained, and apply new versions, closed versions and deletions as one MERGE, so a failure leaves
     * the history as it was.
     */
    public Outcome snapshot(CompiledNode compiled, Scope scope) {
        Node node = compiled.node();
        SnapshotConfig config = SnapshotConfig.of(node);
        Map<String, Object> cfg = config.asMacroArgument();
        Relation target = project.relationOf(node).withType(RelationType.TABLE);
        Relation existing = scope.lookup(target);
        Steps steps = new Steps(compiled, scope);
        long[] rows = {-1};
        if (existing == null || existing.type() != RelationType.TABLE) {
            checkSnapshotKeys(node, config, steps, "(" + compiled.sql() + ") dbt_snapshot_source", null);
            steps.transaction(() -> {
                steps.hooks("pre-hook");
                String sql = String.valueOf(steps.call("build_snapshot_table", cfg, compiled.sql()));
                rows[0] = replaceTable(steps, scope, target, sql);
                steps.hooks("post-hook");
            });
            scope.changed(target, true);
            return new Outcome("OK", rows[0], target, steps.executed());
        }
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            Relation tempRelation = stage(steps, target, compiled.sql());
            List<Column> sourceColumns = scope.columns(tempRelation);
            checkSnapshotKeys(node, config, steps, rel(tempRelation), tempRelation);
            List<Column> targetColumns = scope.columns(target);
            List<Column> added = SchemaChange.between(sourceColumns, targetColumns).added();
            if (!added.isEmpty()) {
                // the source gained columns: the history gets them too, null in the older rows
                steps.run("apply_schema_change", rel(target), columnObjects(sourceColumns), columnObjects(added), List.of(), List.of());
            }
            List<Object> insertColumns = new ArrayList<>();
            targetColumns.forEach(c -> insertColumns.add(c.name()));
            added.forEach(c -> insertColumns.add(c.name()));
            rows[0] = steps.run("snapshot_merge_sql", rel(target), rel(tempRelation), cfg, columnObjects(sourceColumns),
                    insertColumns);
            steps.run("drop_relation", rel(tempRelation));
            steps.hooks("post-hook");
        });
        return new Outcome("OK", rows[0], target, steps.executed());
    }

    /**
     * Stores a data test's failing rows ({@code sql}, already cut to the test's limit) as a table or a
     * view named by the test, replacing whatever an earlier run stored there, as dbt's test
     * materialization does.
     */
    public Outcome storeFailures(CompiledNode compiled, Scope scope, RelationType type, String sql) {
        Relation target = project.relationOf(compiled.node()).withType(type);
        Relation existing = scope.lookup(target);
        Steps steps = new Steps(compiled, scope);
        steps.transaction(() -> {
            if (existing != null && existing.type() != type) {
                steps.run("drop_relation", rel(existing));
            }
            if (type == RelationType.VIEW) {
                steps.run("create_view_as", rel(target), sql);
            }
            else {
                replaceTable(steps, scope, target, sql);
            }
        });
        scope.changed(target, true);
        return new Outcome("OK", -1, target, steps.executed());
    }

    /** Builds {@code sql}'s rows into the target's {@code __dbt_tmp} table (dropping a leftover first). */
    private Relation stage(Steps steps, Relation target, String sql) {
        RelationObject temp = (RelationObject) steps.call("make_temp_relation", rel(target), "__dbt_tmp");
        Relation tempRelation = temp.relation().withType(RelationType.TABLE);
        steps.run("drop_relation", rel(tempRelation));
        steps.run("create_table_as", false, rel(tempRelation), sql);
        return tempRelation;
    }

    /**
     * A snapshot's source must hold one row per key: two would close the same version twice (an
     * engine error mid-merge) or record two current versions. Refused before anything is written.
     */
    private void checkSnapshotKeys(Node node, SnapshotConfig config, Steps steps, Object from, Relation temp) {
        String sql = String.valueOf(steps.call("snapshot_duplicate_keys_sql", from, new ArrayList<Object>(config.uniqueKey())));
        QueryResult duplicates;
        try {
            duplicates = steps.session.execute(sql, true, 3);
        }
        catch (EngineException e) {
            throw CompiledSqlError.map(e, sql, steps.compiled.sql());
        }
        if (duplicates.rows().isEmpty()) {
            return;
        }
        if (temp != null) {
            steps.run("drop_relation", rel(temp));
        }
        List<String> examples = new ArrayList<>();
        for (List<Object> row : duplicates.rows()) {
            examples.add(row.subList(0, row.size() - 1) + " (" + row.get(row.size() - 1) + " rows)");
        }
        throw new SmeltException(ErrorKind.ENGINE, node.definedAt(),
                "snapshot '" + node.name() + "': the source has more than one row for a unique_key " + config.uniqueKey()
                        + ", e.g. " + String.join(", ", examples),
                "make the snapshot's query return one row per key (deduplicate it), or widen unique_key; the snapshot "
                        + "table was left as it was");
    }

    public Outcome seed(Node node, DbtContext context, Scope scope, SeedFile seed) {
        Relation target = project.relationOf(node).withType(RelationType.TABLE);
        Relation loading = target.withIdentifier(target.identifier() + "__dbt_tmp");
        Steps steps = new Steps(new CompiledNode(node, "", context, null), scope);
        Relation leftover = scope.lookup(loading);
        if (leftover != null) {
            steps.run("drop_relation", rel(leftover));
        }
        long rows;
        try {
            rows = scope.session().loadSeed(loading, seed);
        }
        catch (RuntimeException e) {
            dropQuietly(steps, loading);
            throw e;
        }
        try {
            steps.transaction(() -> {
                steps.hooks("pre-hook");
                swapIn(steps, scope, loading.withType(RelationType.TABLE), target);
                steps.hooks("post-hook");
            });
        }
        catch (RuntimeException e) {
            dropQuietly(steps, loading);
            throw e;
        }
        scope.changed(loading, false);
        scope.changed(target, true);
        return new Outcome("INSERT " + rows, rows, target, steps.executed());
    }

    private long replaceTable(Steps steps, Scope scope, Relation target, String sql) {
        Relation existing = scope.lookup(target);
        boolean replaceable = existing == null || existing.type() == RelationType.TABLE;
        if (capabilities.createOrReplaceTable() && replaceable) {
            return steps.run("create_or_replace_table_as", rel(target), sql);
        }
        Relation building = target.withIdentifier(target.identifier() + "__dbt_tmp");
        Relation leftover = scope.lookup(building);
        if (leftover != null) {
            steps.run("drop_relation", rel(leftover));
        }
        long rows = steps.run("create_table_as", false, rel(building), sql);
        swapIn(steps, scope, building, target);
        return rows;
    }

    /**
     * Puts {@code building} in place of {@code target}. Inside a transaction the old relation is
     * dropped and the new one renamed; without one, the old relation is first moved aside, so a
     * failed rename can put it back and there is never a moment without a table of that name.
     */
    private void swapIn(Steps steps, Scope scope, Relation building, Relation target) {
        Relation existing = scope.lookup(target);
        if (existing == null) {
            steps.run("rename_relation", rel(building), rel(target));
            return;
        }
        if (capabilities.transactions()) {
            steps.run("drop_relation", rel(existing));
            steps.run("rename_relation", rel(building), rel(target));
            return;
        }
        Relation backup = existing.withIdentifier(target.identifier() + "__dbt_backup");
        Relation oldBackup = scope.lookup(backup);
        if (oldBackup != null) {
            steps.run("drop_relation", rel(oldBackup));
        }
        steps.run("rename_relation", rel(existing), rel(backup));
        try {
            steps.run("rename_relation", rel(building), rel(target));
        }
        catch (RuntimeException e) {
            steps.run("rename_relation", rel(backup.withType(existing.type())), rel(existing));
            throw e;
        }
        steps.run("drop_relation", rel(backup.withType(existing.type())));
    }

    /**
     * Compares the new rows (in {@code temp}) with the table and acts as {@code on_schema_change}
     * says; returns the columns the new rows are written to. Nothing is changed when the model must
     * fail: the temporary table is dropped and the target is left as it was.
     */
    private List<Column> applySchemaChange(Node node, String mode, Steps steps, Relation target, Relation temp) {
        Scope scope = steps.scope;
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
                    steps.run("apply_schema_change", rel(target), columnObjects(sourceColumns), columnObjects(change.added()), List.of(), List.of());
                }
            }
            default -> steps.run("apply_schema_change", rel(target), columnObjects(sourceColumns), columnObjects(change.added()),
                    columnObjects(change.removed()), columnObjects(change.retyped()));
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
                steps.run("drop_relation", rel(temp));
                throw new SmeltException(ErrorKind.PROJECT, node.definedAt(),
                        "unique_key column '" + name + "' is not among the model's columns (" + String.join(", ",
                                sourceColumns.stream().map(Column::name).toList()) + ")",
                        "select the key column in the model, or fix unique_key in its config");
            }
        }
    }

    private SmeltException schemaChangeFailure(Node node, Steps steps, Relation temp, SchemaChange change, String why) {
        steps.run("drop_relation", rel(temp));
        return new SmeltException(ErrorKind.ENGINE, node.definedAt(),
                "the model's columns differ from its table and " + why + ": " + change.describe(),
                "set on_schema_change to append_new_columns or sync_all_columns, or rebuild the table with --full-refresh");
    }

    private List<Object> columnObjects(List<Column> columns) {
        List<Object> objects = new ArrayList<>();
        columns.forEach(c -> objects.add(new ColumnObject(c, project.adapter())));
        return objects;
    }

    private void dropQuietly(Steps steps, Relation relation) {
        try {
            steps.run("drop_relation", rel(relation.withType(RelationType.TABLE)));
        }
        catch (RuntimeException ignored) {
            // the load failed already; that error is the one to report
        }
    }

    private RelationObject rel(Relation relation) {
        return new RelationObject(relation, project.adapter());
    }

    /** Runs macros' SQL on the worker's session, inside a transaction when the engine has them. */
    private final class Steps {
        private final CompiledNode compiled;
        private final Scope scope;
        private final Session session;
        private final StringBuilder executed = new StringBuilder();

        Steps(CompiledNode compiled, Scope scope) {
            this.compiled = compiled;
            this.scope = scope;
            this.session = scope.session();
        }

        Object call(String macro, Object... args) {
            return project.engine().callMacro(project.rootPackage(), macro, List.of(args), Map.of(),
                    compiled.context().globals(Map.of()));
        }

        /** Renders the macro and runs each statement it produced; returns the last rows-affected count. */
        long run(String macro, Object... args) {
            Object sql = call(macro, args);
            long rows = execute(String.valueOf(sql));
            track(macro, args);
            return rows;
        }

        long execute(String sql) {
            long rows = -1;
            for (String statement : SqlStatements.split(sql)) {
                executed.append(statement).append(";\n\n");
                QueryResult result;
                try {
                    result = session.execute(statement, false, -1);
                }
                catch (EngineException e) {
                    throw CompiledSqlError.map(e, statement, compiled.sql());
                }
                rows = result.rowsAffected();
            }
            return rows;
        }

        private void track(String macro, Object[] args) {
            switch (macro) {
                case "drop_relation" -> scope.changed(((RelationObject) args[0]).relation(), false);
                case "rename_relation" -> {
                    Relation from = ((RelationObject) args[0]).relation();
                    scope.changed(from, false);
                    scope.changed(((RelationObject) args[1]).relation().withType(from.type()), true);
                }
                case "create_view_as" -> scope.changed(((RelationObject) args[0]).relation().withType(RelationType.VIEW), true);
                case "create_table_as" -> {
                    if (!Boolean.TRUE.equals(args[0])) {
                        scope.changed(((RelationObject) args[1]).relation().withType(RelationType.TABLE), true);
                    }
                }
                default -> {
                }
            }
        }

        String executed() {
            return executed.toString();
        }

        void hooks(String key) {
            for (String hook : Hooks.of(compiled.node().config().get(key))) {
                execute(project.engine().renderString(compiled.node().packageName(), hook,
                        compiled.context().globals(Map.of())));
            }
        }

        void transaction(Runnable body) {
            Transactions.run(session, capabilities.transactions(), () -> {
                body.run();
                return null;
            });
        }
    }
}
