package io.smelt.compiler.exec;

import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.StoreFailures;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.CompiledSqlError;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.materialize.Scope;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a data test: wraps its query in the engine's {@code get_test_sql} (fail_calc, warn_if,
 * error_if), optionally keeps the failing rows, and grades the test by its severity.
 */
record DataTestRunner(RunnerContext context) implements ResourceRunner {
    @Override
    public NodeResult run(NodeRun run) {
        LoadedProject project = context.project();
        Node node = run.node();
        Scope scope = run.scope();
        CompiledNode compiled = context.compile(node, scope);
        NodeConfig config = node.config();
        Object limit = config.get("limit");
        // A test macro's own config(fail_calc=...) (dbt_utils' equal_rowcount) applies unless the
        // properties or the project chose one.
        String failCalc = config.string("fail_calc", "count(*)");
        if ("count(*)".equals(failCalc) && compiled.context().executionConfig().get("fail_calc") instanceof String chosen) {
            failCalc = chosen;
        }
        String mainSql = compiled.sql();
        String stored = StoreFailures.storedAs(node, project.flags());
        String storedSql = "";
        if (stored != null) {
            // as dbt: the failing rows (up to the limit) are kept, and the test counts what was kept
            String limited = String.valueOf(project.engine().callMacro(project.rootPackage(), "get_limit_subquery_sql",
                    Arrays.asList(compiled.sql(), limit), Map.of(), compiled.context().globals(Map.of())));
            RelationType type = stored.equals("view") ? RelationType.VIEW : RelationType.TABLE;
            Materializer.Outcome outcome = context.materializer().storeFailures(compiled, scope, type, limited);
            mainSql = "select * from " + project.adapter().render(outcome.relation());
            storedSql = outcome.executedSql();
            limit = null;
        }
        Object wrapped = project.engine().callMacro(project.rootPackage(), "get_test_sql",
                Arrays.asList(mainSql, failCalc, config.string("warn_if", "!= 0"),
                        config.string("error_if", "!= 0"), limit),
                Map.of(), compiled.context().globals(Map.of()));
        String sql = String.valueOf(wrapped);
        NodeCompiler.write(project.targetPath().resolve("run"), node, (storedSql + sql).strip());
        QueryResult result;
        try {
            result = scope.session().execute(sql, true, 1);
        }
        catch (EngineException e) {
            SmeltException missing = TestColumnCheck.missingColumn(project, scope, node);
            if (missing != null) {
                throw missing;
            }
            throw CompiledSqlError.map(e, sql, compiled.sql());
        }
        long failures = 0;
        boolean warn = false;
        boolean error = false;
        if (!result.rows().isEmpty()) {
            List<Object> row = result.rows().get(0);
            failures = row.get(0) == null ? 0 : ((Number) row.get(0)).longValue();
            warn = truthy(row.get(1));
            error = truthy(row.get(2));
        }
        boolean severityError = !"warn".equals(config.string("severity", "ERROR").toLowerCase(Locale.ROOT));
        NodeStatus status = severityError && error ? NodeStatus.FAIL : warn ? NodeStatus.WARN : NodeStatus.PASS;
        if (status == NodeStatus.WARN && project.warnErrors().includes(WarnErrorOptions.TEST_RESULT)) {
            // --warn-error: a test that would warn fails, as dbt's test runner does
            status = NodeStatus.FAIL;
        }
        String message = status == NodeStatus.PASS ? "PASS" : status.name() + " " + failures;
        return context.results().finished(run, status, message, failures, compiled.path(), NodeResults.response(message, -1));
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        return value != null && "true".equalsIgnoreCase(value.toString());
    }
}
