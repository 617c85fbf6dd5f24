package io.smelt.compiler.materialize;

import io.smelt.compiler.load.LoadedProject;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.compiler.context.RelationObject;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.sql.SqlStatements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a model through a {@code {% materialization %}} block of the project or a package, as dbt
 * does: the block is called with the model's context plus {@code sql}, {@code compiled_code},
 * {@code pre_hooks}/{@code post_hooks}, {@code run_hooks} and {@code should_full_refresh}; it must
 * run a statement named {@code main} and return {@code {'relations': [...]}}.
 */
public final class CustomMaterialization {
    /** Materializations Smelt runs itself; a block of the same name replaces one only from the root project for this engine. */
    private static final Set<String> BUILT_IN = Set.of("view", "table", "incremental", "ephemeral", "seed", "snapshot", "test", "unit");

    private final LoadedProject project;

    public CustomMaterialization(LoadedProject project) {
        this.project = project;
    }

    /**
     * The block that runs the node's materialization, or null when Smelt's own does: as in dbt, a
     * project's block for this engine replaces a built-in one, and packages cannot replace them.
     */
    public JinjaEngine.MaterializationMacro find(Node node) {
        JinjaEngine.MaterializationMacro macro = project.engine().materialization(node.materialized());
        if (macro == null || !BUILT_IN.contains(node.materialized())) {
            return macro;
        }
        return macro.inRootProject() && !macro.adapter().equals("default") ? macro : null;
    }

    public Materializer.Outcome run(CompiledNode compiled, Scope scope, JinjaEngine.MaterializationMacro macro) {
        Node node = compiled.node();
        Session session = scope.session();
        StringBuilder executed = new StringBuilder();
        Map<String, Object> globals = compiled.context().globals(Map.of());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("sql", compiled.sql());
        extra.put("compiled_code", compiled.sql());
        if (globals.get("model") instanceof Map<?, ?> model) {
            Map<Object, Object> withCode = new LinkedHashMap<>(model);
            withCode.put("compiled_code", compiled.sql());
            withCode.put("compiled_sql", compiled.sql());
            extra.put("model", withCode);
        }
        extra.put("pre_hooks", hooks(node.config().get("pre-hook")));
        extra.put("post_hooks", hooks(node.config().get("post-hook")));
        extra.put("should_full_refresh", (JinjaFunction) (args, kwargs) -> scope.fullRefresh(node.config()));
        JinjaFunction statement = (JinjaFunction) globals.get("_smelt_execute_statement");
        extra.put("_smelt_execute_statement", (JinjaFunction) (args, kwargs) -> {
            executed.append(String.valueOf(args.get(1)).strip()).append(";\n\n");
            return statement.call(args, kwargs);
        });
        globals.putAll(extra);
        globals.put("run_hooks", (JinjaFunction) (args, kwargs) -> runHooks(args, kwargs, globals, session, executed));

        Object returned = Transactions.run(session, project.adapter().capabilities().transactions(), () -> project.engine().callMacro(macro.packageName(),
                macro.packageName() + "." + macro.macroName(), List.of(), Map.of(), globals));
        List<Relation> relations = relations(node, macro, returned);
        relations.forEach(relation -> refresh(session, scope, relation));
        Object main = ((JinjaFunction) globals.get("load_result")).call(List.of("main"), Map.of());
        if (!(main instanceof Map<?, ?> result)) {
            throw new SmeltException(ErrorKind.PROJECT, node.definedAt(), "materialization '" + node.materialized()
                    + "' did not run a statement named 'main' for model '" + node.name() + "'",
                    "run the model's SQL with {% call statement('main') %}...{% endcall %}, as dbt requires");
        }
        long rows = result.get("response") instanceof Map<?, ?> response && response.get("rows_affected") instanceof Number n
                ? n.longValue() : -1;
        String message = result.get("response") instanceof Map<?, ?> response && response.get("_message") != null
                ? String.valueOf(response.get("_message")) : "OK";
        return new Materializer.Outcome(message, rows, relations.isEmpty() ? null : relations.get(0), executed.toString());
    }

    /** The block's statements went around the relation cache: take each returned relation as the engine has it now. */
    private void refresh(Session session, Scope scope, Relation relation) {
        String database = relation.database() == null ? project.adapter().defaultDatabase() : relation.database();
        String schema = relation.schema();
        if (schema == null) {
            return;
        }
        String name = project.adapter().normalizeIdentifier(relation.identifier());
        Relation found = session.listRelations(database, schema).stream()
                .filter(r -> project.adapter().normalizeIdentifier(r.identifier()).equals(name)).findFirst().orElse(null);
        scope.changed(found == null ? relation : found, found != null);
    }

    /** dbt's hook dicts: {@code {sql, transaction, index}}. */
    private static List<Object> hooks(Object value) {
        List<Object> hooks = new ArrayList<>();
        List<Object> items = value instanceof List<?> list ? new ArrayList<>(list) : value == null ? List.of() : List.of(value);
        for (Object item : items) {
            Map<String, Object> hook = new LinkedHashMap<>();
            if (item instanceof Map<?, ?> map) {
                hook.put("sql", map.get("sql") == null ? "" : map.get("sql").toString());
                hook.put("transaction", !Boolean.FALSE.equals(map.get("transaction")));
            }
            else {
                hook.put("sql", String.valueOf(item));
                hook.put("transaction", true);
            }
            hook.put("index", hooks.size());
            hooks.add(hook);
        }
        return hooks;
    }

    /** {@code run_hooks(hooks, inside_transaction=True)}: renders and runs the hooks whose transaction flag matches. */
    private Object runHooks(List<Object> args, Map<String, Object> kwargs, Map<String, Object> globals, Session session,
            StringBuilder executed) {
        Object hooks = args.isEmpty() ? kwargs.get("hooks") : args.get(0);
        Object inside = args.size() > 1 ? args.get(1) : kwargs.getOrDefault("inside_transaction", true);
        if (!(hooks instanceof List<?> list)) {
            return "";
        }
        for (Object hook : list) {
            Map<?, ?> entry = hook instanceof Map<?, ?> map ? map : Map.of("sql", String.valueOf(hook), "transaction", true);
            if (!Boolean.valueOf(!Boolean.FALSE.equals(entry.get("transaction"))).equals(!Boolean.FALSE.equals(inside))) {
                continue;
            }
            String sql = project.engine().renderString(String.valueOf(entry.get("sql")), globals).strip();
            for (String statement : SqlStatements.split(sql)) {
                executed.append(statement).append(";\n\n");
                session.execute(statement, false, -1);
            }
        }
        return "";
    }

    private List<Relation> relations(Node node, JinjaEngine.MaterializationMacro macro, Object returned) {
        if (!(returned instanceof Map<?, ?> map) || !(map.get("relations") instanceof List<?> list)) {
            throw new SmeltException(ErrorKind.PROJECT, node.definedAt(), "materialization '" + node.materialized() + "' (package "
                    + macro.packageName() + ") did not return a dict with relations for model '" + node.name() + "'",
                    "end it with {{ return({'relations': [target_relation]}) }}, as dbt requires");
        }
        List<Relation> relations = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof RelationObject relation) {
                relations.add(relation.relation());
            }
        }
        return relations;
    }
}
