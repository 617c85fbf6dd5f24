package io.smelt.compiler.context;

import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Creates, drops and renames relations through the engine's macros ({@code create_view_as},
 * {@code drop_relation}, {@code rename_relation}, ...) and tells the relation cache what each one
 * changed, whoever asked: a built-in materialization or a template calling {@code adapter}. The caller
 * says how rendered SQL runs, because a node's build records and splits its statements and a
 * template's call does not.
 */
public final class RelationOps {
    /** Runs the SQL a macro rendered; returns the rows the last statement affected, or -1. */
    @FunctionalInterface
    public interface Statements {
        long run(String sql);
    }

    private final ContextHost host;
    private final Supplier<Map<String, Object>> globals;
    private final ExecutionScope scope;
    private final Statements statements;

    /**
     * @param globals the context the macros render in, asked for again on each call since the
     *     statements run so far can change it
     */
    public RelationOps(ContextHost host, Supplier<Map<String, Object>> globals, ExecutionScope scope, Statements statements) {
        this.host = host;
        this.globals = globals;
        this.scope = scope;
        this.statements = statements;
    }

    /** The macro's return value or rendered text; runs nothing. */
    public Object render(String macro, Object... args) {
        return host.engine().callMacro(host.rootPackage(), macro, List.of(args), Map.of(), globals.get());
    }

    /** Runs a macro whose statements change rows or columns but not which relations exist. */
    public long statement(String macro, Object... args) {
        return statements.run(String.valueOf(render(macro, args)));
    }

    public long createView(Relation relation, String sql) {
        long rows = statement("create_view_as", object(relation), sql);
        scope.changed(relation.withType(RelationType.VIEW), true);
        return rows;
    }

    public long createTable(Relation relation, String sql) {
        long rows = statement("create_table_as", false, object(relation), sql);
        scope.changed(relation.withType(RelationType.TABLE), true);
        return rows;
    }

    /** A contracted model's table: its declared columns and constraints, then the model's rows ({@code create_contracted_table}). */
    public long createContractedTable(Relation relation, String sql) {
        long rows = statement("create_contracted_table", object(relation), sql);
        scope.changed(relation.withType(RelationType.TABLE), true);
        return rows;
    }

    /** {@code create or replace table}: for engines where it is atomic. */
    public long createOrReplaceTable(Relation relation, String sql) {
        long rows = statement("create_or_replace_table_as", object(relation), sql);
        scope.changed(relation.withType(RelationType.TABLE), true);
        return rows;
    }

    /** Drops the relation; its type picks the statement ({@code drop view} or {@code drop table}). */
    public void drop(Relation relation) {
        statement("drop_relation", object(relation));
        scope.changed(relation, false);
    }

    /** Drops the relation as the engine has it, when it exists; true when something was dropped. */
    public boolean dropIfExists(Relation relation) {
        Relation existing = scope.lookup(relation);
        if (existing == null) {
            return false;
        }
        drop(existing);
        return true;
    }

    /** Renames {@code from} (type set) to {@code to}'s identifier; the relation keeps its type. */
    public void rename(Relation from, Relation to) {
        statement("rename_relation", object(from), object(to));
        scope.changed(from, false);
        scope.changed(to.withType(from.type()), true);
    }

    /** Creates the relation's schema unless it exists; the cache learns its relations on first lookup. */
    public void createSchema(Relation relation) {
        scope.session().createSchema(relation.database(), relation.schema());
    }

    /** The relation as templates and macros see it. */
    public RelationObject object(Relation relation) {
        return new RelationObject(relation, host.adapter());
    }
}
