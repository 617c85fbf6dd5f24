package io.smelt.compiler.materialize;

import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records the changes of a snapshot's source. The first run creates the table from the source rows
 * with the snapshot columns added; later runs stage the source rows, add columns the source gained,
 * and apply new versions, closed versions and deletions as one MERGE, so a failure leaves the history
 * as it was.
 */
final class SnapshotBuild {
    private final LoadedProject project;

    SnapshotBuild(LoadedProject project) {
        this.project = project;
    }

    Materializer.Outcome run(CompiledNode compiled, Scope scope) {
        Node node = compiled.node();
        SnapshotConfig config = SnapshotConfig.of(node);
        Map<String, Object> cfg = config.asMacroArgument();
        Relation target = project.relationOf(node).withType(RelationType.TABLE);
        Relation existing = scope.lookup(target);
        Steps steps = new Steps(project, compiled, scope);
        long[] rows = {-1};
        if (existing == null || existing.type() != RelationType.TABLE) {
            checkKeys(node, config, steps, "(\n" + compiled.sql() + "\n) dbt_snapshot_source", null);
            steps.transaction(() -> {
                steps.hooks("pre-hook");
                String sql = String.valueOf(steps.call("build_snapshot_table", cfg, compiled.sql()));
                rows[0] = steps.replaceTable(target, sql);
                steps.hooks("post-hook");
            });
            return new Materializer.Outcome("OK", rows[0], target, steps.executed());
        }
        steps.transaction(() -> {
            steps.hooks("pre-hook");
            Relation tempRelation = steps.stage(target, compiled.sql());
            List<Column> sourceColumns = scope.columns(tempRelation);
            checkKeys(node, config, steps, steps.rel(tempRelation), tempRelation);
            List<Column> targetColumns = scope.columns(target);
            List<Column> added = SchemaChange.between(sourceColumns, targetColumns).added();
            if (!added.isEmpty()) {
                // the source gained columns: the history gets them too, null in the older rows
                steps.run("apply_schema_change", steps.rel(target), steps.columnObjects(sourceColumns),
                        steps.columnObjects(added), List.of(), List.of());
            }
            List<Object> insertColumns = new ArrayList<>();
            targetColumns.forEach(c -> insertColumns.add(c.name()));
            added.forEach(c -> insertColumns.add(c.name()));
            rows[0] = steps.run("snapshot_merge_sql", steps.rel(target), steps.rel(tempRelation), cfg,
                    steps.columnObjects(sourceColumns), insertColumns);
            steps.relations().drop(tempRelation);
            steps.hooks("post-hook");
        });
        return new Materializer.Outcome("OK", rows[0], target, steps.executed());
    }

    /**
     * A snapshot's source must hold one row per key: two would close the same version twice (an
     * engine error mid-merge) or record two current versions. Refused before anything is written.
     */
    private static void checkKeys(Node node, SnapshotConfig config, Steps steps, Object from, Relation temp) {
        String sql = String.valueOf(steps.call("snapshot_duplicate_keys_sql", from, new ArrayList<Object>(config.uniqueKey())));
        QueryResult duplicates;
        try {
            duplicates = steps.scope().session().execute(sql, true, 3);
        }
        catch (EngineException e) {
            throw CompiledSqlError.map(e, sql, steps.compiled().sql());
        }
        if (duplicates.rows().isEmpty()) {
            return;
        }
        if (temp != null) {
            steps.relations().drop(temp);
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
}
