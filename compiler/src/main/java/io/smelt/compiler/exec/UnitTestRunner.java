package io.smelt.compiler.exec;

import io.smelt.compiler.materialize.CompiledSqlError;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.materialize.Scope;
import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.UnitTestInputs;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.SourceCall;
import io.smelt.compiler.graph.UnitTestSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one unit test: renders its model with each given input as a CTE of the fixture's rows, runs
 * it, and compares the rows with the expected ones in Java, as multisets of normalized text.
 */
public final class UnitTestRunner implements ResourceRunner {
    /** What the test found; {@code failures} counts missing plus unexpected rows. */
    private record Outcome(boolean passed, long failures, String message, String sql) {
    }

    private final RunnerContext context;
    private final LoadedProject project;

    UnitTestRunner(RunnerContext context) {
        this.context = context;
        this.project = context.project();
    }

    @Override
    public NodeResult run(NodeRun run) {
        Node node = run.node();
        Outcome outcome = test(node, run.scope());
        context.compiledCode().record(node, outcome.sql());
        NodeStatus status = outcome.passed() ? NodeStatus.PASS : NodeStatus.FAIL;
        String message = outcome.passed() ? "PASS" : "FAIL " + outcome.failures() + "\n" + outcome.message();
        return context.results().finished(run, status, message, outcome.failures(),
                NodeCompiler.path(project.targetPath().resolve("compiled"), node), NodeResults.response(status.name(), -1));
    }

    private Outcome test(Node test, Scope scope) {
        UnitTestSpec spec = test.unitTest();
        // a unit test of one version of a versioned model refs that version
        String version = test.refs().isEmpty() ? null : test.refs().get(0).version();
        Node model = project.resolveRef(test, null, spec.model(), version);
        if (model == null) {
            throw new SmeltException(ErrorKind.GRAPH, spec.at(), "unit test '" + spec.name() + "' tests model '" + spec.model()
                    + "', which does not exist", null);
        }
        Map<String, Object> globals = DbtContext.forOperation(project, scope).globals(Map.of());
        // the engine's own escaping (Spark escapes with a backslash, others double the quote)
        java.util.function.UnaryOperator<String> quote = text -> "'" + project.engine().callMacro(project.rootPackage(),
                "escape_single_quotes", List.of(text), Map.of(), globals) + "'";
        Map<String, String> ctes = new LinkedHashMap<>();
        Map<String, String> relations = new LinkedHashMap<>();
        String thisName = null;
        for (UnitTestSpec.Given given : spec.given()) {
            Node input = inputNode(given, model);
            String cte = "__dbt_fixture_" + (given.isThis() ? "this" : input.name()).replaceAll("[^A-Za-z0-9_]", "_");
            Map<String, String> types = columnTypes(input, scope);
            if (types.isEmpty() && !given.fixture().format().equals("sql") && given.fixture().columns().isEmpty()) {
                // dbt takes an empty fixture's columns from the input's relation and fails the same way without one
                throw new SmeltException(ErrorKind.PROJECT, given.at(), "unit test '" + spec.name() + "': not able to get the columns of "
                        + given.input() + " for its empty rows: its relation " + project.relationOf(input).displayName() + " does not exist",
                        "build it first (smelt build runs unit tests after their inputs), or give at least one row");
            }
            ctes.put(cte, fixtureSql(given.fixture(), types, quote));
            if (given.isThis()) {
                thisName = cte;
            }
            else {
                relations.put(input.uniqueId(), cte);
            }
        }
        UnitTestInputs inputs = new UnitTestInputs(relations, thisName, spec.macros(), spec.vars(), spec.envVars());
        String modelSql = context.compiler().renderForUnitTest(model, DbtContext.forUnitTest(project, model, scope, inputs), ctes, scope);
        Expected expected = expected(spec.expect(), scope);
        // expect: rows: [] names no columns: as in dbt, every column of the model is compared (with none expected)
        String columns = expected.columns().isEmpty() ? "*"
                : expected.columns().stream().map(project.adapter()::quote).collect(Collectors.joining(", "));
        String sql = "select " + columns + " from (\n" + strip(modelSql) + "\n) as __dbt_unit_test_actual";
        NodeCompiler.write(project.targetPath().resolve("compiled"), test, sql);
        QueryResult actual;
        try {
            actual = scope.session().execute(sql, true, -1);
        }
        catch (EngineException e) {
            throw CompiledSqlError.map(e, sql, sql);
        }
        if (expected.columns().isEmpty()) {
            expected = new Expected(actual.columns().stream().map(Column::name).toList(), List.of());
        }
        return compare(expected, actual.rows(), sql);
    }

    private Node inputNode(UnitTestSpec.Given given, Node model) {
        if (given.isThis()) {
            return model;
        }
        RefCall ref = given.ref();
        SourceCall source = given.source();
        Node node = ref != null ? project.resolveRef(model, ref.packageName(), ref.name(), ref.version())
                : source != null ? project.resolveSource(model, source.sourceName(), source.tableName()) : null;
        if (node == null) {
            throw new SmeltException(ErrorKind.PROJECT, given.at(), "input " + given.input() + " names nothing in the project",
                    "give a ref or source that model '" + model.name() + "' reads");
        }
        return node;
    }

    /**
     * The input's columns as the engine has them now, lower-cased name to type; empty when its relation
     * does not exist. As dbt's {@code get_fixture_sql}: where this target lacks it, its {@code defer_relation}'s.
     */
    private Map<String, String> columnTypes(Node input, Scope scope) {
        Map<String, String> types = new LinkedHashMap<>();
        if (!input.hasRelation()) {
            return types;
        }
        Relation existing = scope.lookup(project.relationOf(input));
        Relation deferred = project.deferral().relation(input.uniqueId());
        if (existing == null && deferred != null) {
            existing = scope.lookup(deferred);
        }
        if (existing == null) {
            return types;
        }
        for (Column column : scope.columns(existing)) {
            types.put(column.name().toLowerCase(Locale.ROOT), column.dataType());
        }
        return types;
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern TIMESTAMP =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    /**
     * The fixture as a query. With the input's column types each value is cast to its column's type and
     * the columns the fixture leaves out are null; without them values are literals.
     */
    static String fixtureSql(UnitTestSpec.Fixture fixture, Map<String, String> types, java.util.function.UnaryOperator<String> quote) {
        if (fixture.format().equals("sql")) {
            return strip(fixture.sql());
        }
        List<String> columns = new ArrayList<>(fixture.columns());
        for (String known : types.keySet()) {
            if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(known))) {
                columns.add(known);
            }
        }
        if (columns.isEmpty()) {
            return "select 1 as __dbt_no_columns where 1 = 0";
        }
        List<Map<String, Object>> rows = fixture.rows();
        if (rows.isEmpty()) {
            return select(columns, Map.of(), types, quote) + " where 1 = 0";
        }
        return rows.stream().map(row -> select(columns, row, types, quote)).collect(Collectors.joining("\nunion all\n"));
    }

    private static String select(List<String> columns, Map<String, Object> row, Map<String, String> types,
            java.util.function.UnaryOperator<String> quote) {
        List<String> parts = new ArrayList<>();
        for (String column : columns) {
            Object value = row.get(column);
            String type = types.get(column.toLowerCase(Locale.ROOT));
            String expression;
            if (type != null) {
                expression = "cast(" + (value == null ? "null" : quote.apply(String.valueOf(value))) + " as " + type + ")";
            }
            else if (value == null) {
                expression = "null";
            }
            else if (value instanceof Number || value instanceof Boolean) {
                expression = String.valueOf(value);
            }
            else if (DATE.matcher(String.valueOf(value)).matches()) {
                // no relation to take types from: dates and timestamps are still typed, so date functions take them
                expression = "cast(" + quote.apply(String.valueOf(value)) + " as date)";
            }
            else if (TIMESTAMP.matcher(String.valueOf(value)).matches()) {
                expression = "cast(" + quote.apply(String.valueOf(value).replace('T', ' ')) + " as timestamp)";
            }
            else {
                expression = quote.apply(String.valueOf(value));
            }
            parts.add(expression + " as " + column);
        }
        return "select " + String.join(", ", parts);
    }

    private static String strip(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private record Expected(List<String> columns, List<List<Object>> rows) {
    }

    private Expected expected(UnitTestSpec.Fixture expect, Scope scope) {
        if (expect.format().equals("sql")) {
            QueryResult result = scope.session().execute(strip(expect.sql()), true, -1);
            return new Expected(result.columns().stream().map(Column::name).toList(), result.rows());
        }
        List<String> columns = expect.columns();
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : expect.rows()) {
            List<Object> values = new ArrayList<>();
            columns.forEach(column -> values.add(row.get(column)));
            rows.add(values);
        }
        return new Expected(columns, rows);
    }

    private static Outcome compare(Expected expected, List<List<Object>> actualRows, String sql) {
        Map<List<String>, Integer> remaining = new LinkedHashMap<>();
        for (List<Object> row : actualRows) {
            remaining.merge(RowValues.normalize(row), 1, Integer::sum);
        }
        List<List<String>> missing = new ArrayList<>();
        for (List<Object> row : expected.rows()) {
            List<String> key = RowValues.normalize(row);
            Integer left = remaining.get(key);
            if (left == null) {
                missing.add(key);
            }
            else if (left == 1) {
                remaining.remove(key);
            }
            else {
                remaining.put(key, left - 1);
            }
        }
        List<List<String>> unexpected = new ArrayList<>();
        remaining.forEach((row, count) -> {
            for (int i = 0; i < count; i++) {
                unexpected.add(row);
            }
        });
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return new Outcome(true, 0, "PASS", sql);
        }
        StringBuilder diff = new StringBuilder("actual differs from expected (columns: ")
                .append(String.join(", ", expected.columns())).append(")");
        if (!missing.isEmpty()) {
            diff.append("\n  missing (expected, not returned):");
            missing.forEach(row -> diff.append("\n    - ").append(RowValues.format(expected.columns(), row)));
        }
        if (!unexpected.isEmpty()) {
            diff.append("\n  unexpected (returned, not expected):");
            unexpected.forEach(row -> diff.append("\n    + ").append(RowValues.format(expected.columns(), row)));
        }
        return new Outcome(false, missing.size() + unexpected.size(), diff.toString(), sql);
    }
}
