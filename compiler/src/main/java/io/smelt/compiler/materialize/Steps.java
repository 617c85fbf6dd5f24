package io.smelt.compiler.materialize;

import io.smelt.adapter.Capabilities;
import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.Session;
import io.smelt.compiler.context.ColumnObject;
import io.smelt.compiler.context.RelationObject;
import io.smelt.compiler.context.RelationOps;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.sql.SqlStatements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps of one node's build on the worker's session: macros' SQL run statement by statement and
 * recorded for the result, hooks, the transaction, and the ways a table is put in place.
 */
final class Steps {
    private final LoadedProject project;
    private final Capabilities capabilities;
    private final CompiledNode compiled;
    private final Scope scope;
    private final RelationOps relations;
    private final StringBuilder executed = new StringBuilder();

    Steps(LoadedProject project, CompiledNode compiled, Scope scope) {
        this.project = project;
        this.capabilities = project.adapter().capabilities();
        this.compiled = compiled;
        this.scope = scope;
        this.relations = new RelationOps(project, () -> compiled.context().globals(Map.of()), scope, this::execute);
    }

    RelationOps relations() {
        return relations;
    }

    Scope scope() {
        return scope;
    }

    CompiledNode compiled() {
        return compiled;
    }

    Object call(String macro, Object... args) {
        return relations.render(macro, args);
    }

    /** Renders the macro and runs each statement it produced; returns the last rows-affected count. */
    long run(String macro, Object... args) {
        return relations.statement(macro, args);
    }

    long execute(String sql) {
        long rows = -1;
        for (String statement : SqlStatements.split(sql)) {
            executed.append(statement).append(";\n\n");
            QueryResult result;
            try {
                result = scope.session().execute(statement, false, -1);
            }
            catch (EngineException e) {
                throw CompiledSqlError.map(e, statement, compiled.sql());
            }
            rows = result.rowsAffected();
        }
        return rows;
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

    /**
     * dbt's {@code persist_docs(relation, model)} once the relation is built, when the node's
     * {@code persist_docs} config asks for comments. It runs after the build's transaction, so a
     * comment the engine refuses fails the node but leaves the relation built.
     */
    void persistDocs(Relation target) {
        if (compiled.context() == null || !(compiled.node().config().get("persist_docs") instanceof Map<?, ?> persist)
                || !(Boolean.TRUE.equals(persist.get("relation")) || Boolean.TRUE.equals(persist.get("columns")))) {
            return;
        }
        Map<String, Object> globals = compiled.context().globals(Map.of());
        project.engine().callMacro(project.rootPackage(), "persist_docs", List.of(rel(target), globals.get("model")), Map.of(), globals);
    }

    void transaction(Runnable body) {
        Transactions.run(scope.session(), capabilities.transactions(), () -> {
            body.run();
            return null;
        });
    }

    RelationObject rel(Relation relation) {
        return relations.object(relation);
    }

    List<Object> columnObjects(List<Column> columns) {
        List<Object> objects = new ArrayList<>();
        columns.forEach(c -> objects.add(new ColumnObject(c, project.adapter())));
        return objects;
    }

    /** Builds {@code sql}'s rows into the target's {@code __dbt_tmp} table (dropping a leftover first). */
    Relation stage(Relation target, String sql) {
        RelationObject temp = (RelationObject) call("make_temp_relation", rel(target), "__dbt_tmp");
        Relation tempRelation = temp.relation().withType(RelationType.TABLE);
        relations.drop(tempRelation);
        relations.createTable(tempRelation, sql);
        return tempRelation;
    }

    /** Replaces the target table with {@code sql}'s rows: in one statement where that is atomic, else built beside it and swapped in. */
    long replaceTable(Relation target, String sql) {
        Relation existing = scope.lookup(target);
        boolean replaceable = existing == null || existing.type() == RelationType.TABLE;
        if (capabilities.createOrReplaceTable() && replaceable) {
            return relations.createOrReplaceTable(target, sql);
        }
        Relation building = target.withIdentifier(target.identifier() + "__dbt_tmp");
        relations.dropIfExists(building);
        long rows = relations.createTable(building, sql);
        swapIn(building, target);
        return rows;
    }

    /**
     * Puts {@code building} in place of {@code target}. Inside a transaction the old relation is
     * dropped and the new one renamed; without one, the old relation is first moved aside, so a
     * failed rename can put it back and there is never a moment without a table of that name.
     */
    void swapIn(Relation building, Relation target) {
        Relation existing = scope.lookup(target);
        if (existing == null) {
            relations.rename(building, target);
            return;
        }
        if (capabilities.transactions()) {
            relations.drop(existing);
            relations.rename(building, target);
            return;
        }
        Relation backup = existing.withIdentifier(target.identifier() + "__dbt_backup");
        relations.dropIfExists(backup);
        relations.rename(existing, backup);
        try {
            relations.rename(building, target);
        }
        catch (RuntimeException e) {
            relations.rename(backup.withType(existing.type()), existing);
            throw e;
        }
        relations.drop(backup.withType(existing.type()));
    }

    /** Drops a half-built table after a failure, keeping that failure as the error to report. */
    void dropQuietly(Relation relation) {
        try {
            relations.drop(relation.withType(RelationType.TABLE));
        }
        catch (RuntimeException ignored) {
            // the load failed already; that error is the one to report
        }
    }
}
