package io.smelt.compiler.exec;

import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.graph.StoreFailures;
import io.smelt.compiler.materialize.CompiledSqlError;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.CustomMaterialization;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.materialize.Scope;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.jinja.JinjaEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs one node on one worker's scope and says what happened. Never throws for a node's own failure. */
public final class NodeRunner {
    private final LoadedProject project;
    private final NodeCompiler compiler;
    private final Materializer materializer;
    private final CustomMaterialization custom;
    private final Map<String, String> compiledCode = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> threadIds = new java.util.concurrent.ConcurrentHashMap<>();

    private final MicrobatchRunner microbatch;

    NodeRunner(LoadedProject project) {
        this(project, EventTimeRange.NONE);
    }

    /** @param eventTime the range microbatch models build, from --event-time-start/--event-time-end */
    NodeRunner(LoadedProject project, EventTimeRange eventTime) {
        this.project = project;
        this.compiler = new NodeCompiler(project);
        this.materializer = new Materializer(project);
        this.custom = new CustomMaterialization(project);
        this.microbatch = new MicrobatchRunner(project, compiler, materializer, eventTime);
    }

    NodeResult run(Node node, Scope scope, int index, int total, boolean compileOnly) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            if (compileOnly) {
                return compileOnly(node, scope, index, total, started, t0);
            }
            return switch (node.resourceType()) {
                case MODEL -> model(node, scope, index, total, started, t0);
                case SNAPSHOT -> snapshot(node, scope, index, total, started, t0);
                case SEED -> seed(node, scope, index, total, started, t0);
                case TEST -> test(node, scope, index, total, started, t0);
                case UNIT_TEST -> unitTest(node, scope, index, total, started, t0);
                default -> compileOnly(node, scope, index, total, started, t0);
            };
        }
        catch (SmeltException e) {
            return failed(node, index, total, started, t0, withHint(e), e);
        }
        catch (EngineException e) {
            return failed(node, index, total, started, t0, engineMessage(node, e), (SourcePosition) null);
        }
        catch (RuntimeException e) {
            SmeltException smelt = causeOfType(e);
            if (smelt != null) {
                return failed(node, index, total, started, t0, withHint(smelt), smelt);
            }
            return failed(node, index, total, started, t0, String.valueOf(e.getMessage()), (SourcePosition) null);
        }
    }

    private NodeResult model(Node node, Scope scope, int index, int total, Instant started, long t0) {
        if (MicrobatchRunner.handles(node)) {
            return microbatch(node, scope, index, total, started, t0);
        }
        CompiledNode compiled = compile(node, scope);
        JinjaEngine.MaterializationMacro block = custom.find(node);
        Materializer.Outcome outcome = block != null ? custom.run(compiled, scope, block) : switch (node.materialized()) {
            case "view" -> materializer.view(compiled, scope);
            case "table" -> materializer.table(compiled, scope);
            case "incremental" -> materializer.incremental(compiled, scope);
            default -> throw new SmeltException(io.smelt.compiler.diag.ErrorKind.PROJECT, node.definedAt(),
                    "materialization '" + node.materialized() + "' is not defined for this engine",
                    "use view, table, incremental or ephemeral, or define it with {% materialization "
                            + node.materialized() + ", default %} in the project's macros");
        };
        NodeCompiler.write(project.targetPath().resolve("run"), node, outcome.executedSql().strip());
        return result(node, index, total, NodeStatus.SUCCESS, outcome.message(), 0, started, t0, compiled.path(),
                response(outcome.message(), outcome.rowsAffected()));
    }

    private NodeResult snapshot(Node node, Scope scope, int index, int total, Instant started, long t0) {
        CompiledNode compiled = compile(node, scope);
        Materializer.Outcome outcome = materializer.snapshot(compiled, scope);
        NodeCompiler.write(project.targetPath().resolve("run"), node, outcome.executedSql().strip());
        return result(node, index, total, NodeStatus.SUCCESS, outcome.message(), 0, started, t0, compiled.path(),
                response(outcome.message(), outcome.rowsAffected()));
    }

    /** A microbatch model: an error when any batch failed, naming the failed batches; the others stay applied. */
    private NodeResult microbatch(Node node, Scope scope, int index, int total, Instant started, long t0) {
        MicrobatchRunner.Outcome outcome = microbatch.run(node, scope, this::recorded);
        NodeCompiler.write(project.targetPath().resolve("run"), node, outcome.executedSql().strip());
        Path compiledPath = outcome.compiled() == null ? null : outcome.compiled().path();
        if (outcome.success()) {
            return result(node, index, total, NodeStatus.SUCCESS, outcome.message(), 0, started, t0, compiledPath,
                    response(outcome.message(), outcome.rowsAffected()));
        }
        String message = "Runtime Error in model " + node.name() + ": " + outcome.message();
        return new NodeResult(node, index, total, NodeStatus.ERROR, message, 0, started, Duration.ofNanos(System.nanoTime() - t0),
                relationName(node), compiledPath == null ? null : project.projectDir().relativize(compiledPath.toAbsolutePath()),
                null, Map.of("_message", message));
    }

    private NodeResult seed(Node node, Scope scope, int index, int total, Instant started, long t0) {
        NodeConfig config = node.config();
        Map<String, String> columnTypes = new LinkedHashMap<>();
        if (config.get("column_types") instanceof Map<?, ?> types) {
            types.forEach((column, type) -> columnTypes.put(String.valueOf(column), project.adapter().mapType(String.valueOf(type))));
        }
        SeedFile seed = new SeedFile(project.seedFile(node), config.string("delimiter", ","), columnTypes,
                // dbt's default (BaseAdapter.quote_seed_column), kept by dbt-duckdb, dbt-trino and dbt-spark
                config.bool("quote_columns", true));
        DbtContext context = DbtContext.forExecution(project, node, scope);
        Materializer.Outcome outcome = materializer.seed(node, context, scope, seed);
        return result(node, index, total, NodeStatus.SUCCESS, outcome.message(), 0, started, t0, null,
                response(outcome.message(), outcome.rowsAffected()));
    }

    private NodeResult test(Node node, Scope scope, int index, int total, Instant started, long t0) {
        CompiledNode compiled = compile(node, scope);
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
                    java.util.Arrays.asList(compiled.sql(), limit), Map.of(), compiled.context().globals(Map.of())));
            RelationType type = stored.equals("view") ? RelationType.VIEW : RelationType.TABLE;
            Materializer.Outcome outcome = materializer.storeFailures(compiled, scope, type, limited);
            mainSql = "select * from " + project.adapter().render(outcome.relation());
            storedSql = outcome.executedSql();
            limit = null;
        }
        Object wrapped = project.engine().callMacro(project.rootPackage(), "get_test_sql",
                java.util.Arrays.asList(mainSql, failCalc, config.string("warn_if", "!= 0"),
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
        return result(node, index, total, status, message, failures, started, t0, compiled.path(),
                response(message, -1));
    }

    private NodeResult unitTest(Node node, Scope scope, int index, int total, Instant started, long t0) {
        UnitTestRunner.Outcome outcome = new UnitTestRunner(project, compiler).run(node, scope);
        compiledCode.put(node.uniqueId(), outcome.sql());
        threadIds.put(node.uniqueId(), Thread.currentThread().getName());
        NodeStatus status = outcome.passed() ? NodeStatus.PASS : NodeStatus.FAIL;
        String message = outcome.passed() ? "PASS" : "FAIL " + outcome.failures() + "\n" + outcome.message();
        return result(node, index, total, status, message, outcome.failures(), started, t0,
                NodeCompiler.path(project.targetPath().resolve("compiled"), node), response(status.name(), -1));
    }

    private NodeResult compileOnly(Node node, Scope scope, int index, int total, Instant started, long t0) {
        if (node.resourceType() == io.smelt.compiler.graph.ResourceType.SEED
                || node.resourceType() == io.smelt.compiler.graph.ResourceType.UNIT_TEST) {
            return result(node, index, total, NodeStatus.SUCCESS, "OK", 0, started, t0, null, Map.of());
        }
        CompiledNode compiled = compile(node, scope);
        return result(node, index, total, NodeStatus.SUCCESS, "OK", 0, started, t0, compiled.path(), Map.of());
    }

    CompiledNode compile(Node node, Scope scope) {
        return recorded(compiler.compile(node, scope));
    }

    private CompiledNode recorded(CompiledNode compiled) {
        Node node = compiled.node();
        compiledCode.put(node.uniqueId(), compiled.sql());
        threadIds.put(node.uniqueId(), Thread.currentThread().getName());
        return compiled;
    }

    /** Compiled SQL of every node compiled so far, by unique id. */
    Map<String, String> compiledCode() {
        return compiledCode;
    }

    /** The worker thread each node ran on, by unique id. */
    Map<String, String> threadIds() {
        return threadIds;
    }

    NodeCompiler compiler() {
        return compiler;
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

    private static Map<String, Object> response(String message, long rows) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", message);
        response.put("code", message.split(" ")[0]);
        if (rows >= 0) {
            response.put("rows_affected", rows);
        }
        return response;
    }

    private String engineMessage(Node node, EngineException e) {
        String where = node.originalFilePath() == null ? "" : " (" + node.originalFilePath() + ")";
        StringBuilder message = new StringBuilder("Runtime Error in ").append(node.resourceType().dbtName()).append(' ')
                .append(node.name()).append(where).append("\n  ").append(e.getMessage());
        if (e instanceof CompiledSqlError) {
            Path compiled = NodeCompiler.path(project.targetPath().resolve("compiled"), node);
            message.append("\n  at ").append(project.projectDir().relativize(compiled)).append(':').append(e.line());
            if (e.column() > 0) {
                message.append(':').append(e.column());
            }
        }
        if (e.queryId() != null) {
            message.append("\n  query id: ").append(e.queryId());
        }
        return message.toString();
    }

    private static String withHint(SmeltException e) {
        String hint = e.first().hint();
        return hint == null || hint.isBlank() ? e.first().message() : e.first().message() + "\n  hint: " + hint;
    }

    private static SmeltException causeOfType(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SmeltException s) {
                return s;
            }
        }
        return null;
    }

    private NodeResult result(Node node, int index, int total, NodeStatus status, String message, long failures,
            Instant started, long t0, Path compiledPath, Map<String, Object> response) {
        return new NodeResult(node, index, total, status, message, failures, started, Duration.ofNanos(System.nanoTime() - t0),
                relationName(node), compiledPath == null ? null : project.projectDir().relativize(compiledPath.toAbsolutePath()),
                null, response);
    }

    private NodeResult failed(Node node, int index, int total, Instant started, long t0, String message, SourcePosition at) {
        return new NodeResult(node, index, total, NodeStatus.ERROR, message, 0, started, Duration.ofNanos(System.nanoTime() - t0),
                relationName(node), null, at, Map.of("_message", message));
    }

    /** A node that failed on a problem in the project's files; one in its properties or config makes the run exit 2. */
    private NodeResult failed(Node node, int index, int total, Instant started, long t0, String message, SmeltException e) {
        return new NodeResult(node, index, total, NodeStatus.ERROR, message, 0, started, Duration.ofNanos(System.nanoTime() - t0),
                relationName(node), null, e.first().at(), Map.of("_message", message),
                e.first().kind() == io.smelt.compiler.diag.ErrorKind.PROJECT);
    }

    private String relationName(Node node) {
        boolean relation = node.hasRelation() || StoreFailures.storedAs(node, project.flags()) != null;
        return relation ? project.adapter().render(project.relationOf(node)) : null;
    }
}
