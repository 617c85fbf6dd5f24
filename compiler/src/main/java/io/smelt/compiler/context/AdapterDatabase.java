package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.compiler.result.RunListener;

import java.util.List;
import java.util.Map;

/**
 * What the {@code adapter} object asks of the database. While parsing there is none, and every
 * question has an empty answer (dbt's {@code ParseDatabaseWrapper}); at run time the worker's session
 * and the relation cache answer ({@code RuntimeDatabaseWrapper}).
 */
sealed interface AdapterDatabase {
    /** The relation as the engine has it (type set), or null. */
    Relation lookup(Relation relation);

    List<Column> columns(Relation relation);

    /** {@code adapter.execute}: the pair (response, table). */
    List<Object> execute(String sql, boolean fetch);

    List<Relation> listRelations(String database, String schema);

    void createSchema(Relation relation);

    void dropIfExists(Relation relation);

    void rename(Relation from, Relation to);

    /** Parse time: nothing exists, nothing runs. */
    record Parsing() implements AdapterDatabase {
        @Override
        public Relation lookup(Relation relation) {
            return null;
        }

        @Override
        public List<Column> columns(Relation relation) {
            return List.of();
        }

        @Override
        public List<Object> execute(String sql, boolean fetch) {
            return List.of(Map.of(), new ResultTable(QueryResult.empty(""), text -> { }));
        }

        @Override
        public List<Relation> listRelations(String database, String schema) {
            return List.of();
        }

        @Override
        public void createSchema(Relation relation) {
        }

        @Override
        public void dropIfExists(Relation relation) {
        }

        @Override
        public void rename(Relation from, Relation to) {
        }
    }

    /** Run time: the render's session and relation cache, relation changes through {@link RelationOps}. */
    record Running(ContextHost host, DbtContext context, ExecutionScope scope) implements AdapterDatabase {
        @Override
        public Relation lookup(Relation relation) {
            return scope.lookup(relation);
        }

        @Override
        public List<Column> columns(Relation relation) {
            return scope.columns(relation);
        }

        @Override
        public List<Object> execute(String sql, boolean fetch) {
            QueryResult result = scope.execute(sql, fetch);
            Map<String, Object> stored = Statements.resultDict(result,
                    text -> host.listener().message(RunListener.Level.INFO, text));
            return List.of(stored.get("response"), stored.get("table"));
        }

        @Override
        public List<Relation> listRelations(String database, String schema) {
            return scope.session().listRelations(database, schema);
        }

        @Override
        public void createSchema(Relation relation) {
            relations().createSchema(relation);
        }

        @Override
        public void dropIfExists(Relation relation) {
            relations().dropIfExists(relation);
        }

        @Override
        public void rename(Relation from, Relation to) {
            Relation existing = scope.lookup(from);
            relations().rename(existing == null ? from : existing, to);
        }

        private RelationOps relations() {
            return new RelationOps(host, () -> context.globals(Map.of()), scope, sql -> scope.execute(sql, false).rowsAffected());
        }
    }
}
