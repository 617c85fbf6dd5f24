package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.artifact.FlatGraph;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.SourceCall;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.PyDateTimes;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.graph.StoreFailures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;

/**
 * Builds the variables a dbt template sees. At parse time ({@code execute} false) ref, source and
 * config calls are captured and nothing touches the engine; at execution time they resolve against
 * the linked project and the worker's session.
 */
public final class DbtContext {
    private static final String SECRET_PREFIX = "DBT_ENV_SECRET_";
    private final ContextHost host;
    private final Node node;
    private final ParseCapture capture;
    private final ExecutionScope scope;
    private final Set<Node> ephemerals = new LinkedHashSet<>();
    private final Map<String, Map<String, Object>> statementResults = new HashMap<>();
    private final Map<String, Object> executionConfig = new LinkedHashMap<>();
    private final NodeConfig config;
    private final BatchWindow batch;
    private final boolean replacing;
    private final UnitTestInputs fixtures;

    private DbtContext(ContextHost host, Node node, ParseCapture capture, ExecutionScope scope, BatchWindow batch,
            boolean replacing) {
        this(host, node, capture, scope, batch, replacing, null);
    }

    private DbtContext(ContextHost host, Node node, ParseCapture capture, ExecutionScope scope, BatchWindow batch,
            boolean replacing, UnitTestInputs fixtures) {
        this.fixtures = fixtures;
        this.host = host;
        this.node = node;
        this.capture = capture;
        this.scope = scope;
        this.config = node == null ? NodeConfig.EMPTY : node.config();
        this.batch = batch;
        this.replacing = replacing;
    }

    /** A parse-time context for a node whose relation and config are provisional. */
    public static DbtContext forParse(ContextHost host, Node node, ParseCapture capture) {
        return new DbtContext(host, node, capture, null, null, false);
    }

    /** An execution-time context; {@code node} is null for hooks and operations outside a node. */
    public static DbtContext forExecution(ContextHost host, Node node, ExecutionScope scope) {
        return new DbtContext(host, node, null, scope, null, false);
    }

    /**
     * An execution-time context for one batch of a microbatch model: {@code model.batch} describes
     * it, and ref/source of a node with an {@code event_time} config read only the batch's rows.
     * {@code is_incremental()} is true when the table exists and the batch does not replace it.
     *
     * @param replacing the batch rebuilds the table (the first batch of a full refresh)
     */
    public static DbtContext forBatch(ContextHost host, Node node, ExecutionScope scope, BatchWindow batch, boolean replacing) {
        return new DbtContext(host, node, null, scope, batch, replacing);
    }

    /**
     * An execution-time context for a unit test of {@code model}: its given inputs read from CTEs,
     * {@code is_incremental()} is false unless overridden, and overrides come before the project's
     * vars, environment and macros.
     */
    public static DbtContext forUnitTest(ContextHost host, Node model, ExecutionScope scope, UnitTestInputs fixtures) {
        return new DbtContext(host, model, null, scope, null, false, fixtures);
    }

    public boolean executing() {
        return scope != null;
    }

    /**
     * What {@code config(...)} calls set while rendering at execution time, such as the {@code
     * fail_calc} a generic test's macro chooses.
     */
    public Map<String, Object> executionConfig() {
        return executionConfig;
    }

    /** Ephemeral models the render referenced, in the order first seen. */
    public Set<Node> ephemerals() {
        return ephemerals;
    }

    /** The globals for one render, with extra entries (such as {@code sql}) on top. */
    public Map<String, Object> globals(Map<String, Object> extra) {
        Map<String, Object> g = new HashMap<>(64);
        JinjaFunction ref = new RefFunction(this::ref, () -> runtimeConfig());
        JinjaFunction source = this::source;
        ConfigCall configObject = new ConfigCall(this, capture, executionConfig, config);
        g.put("ref", ref);
        g.put("source", source);
        g.put("config", configObject);
        g.put("var", new VarCall(this, host, node, fixtures, capture));
        g.put("env_var", (JinjaFunction) this::envVar);
        g.put("target", host.target());
        g.put("execute", executing());
        g.put("is_incremental", (JinjaFunction) (args, kwargs) -> isIncremental());
        g.put("should_full_refresh", (JinjaFunction) (args, kwargs) -> scope != null && (batch != null ? replacing : fullRefresh()));
        g.put("should_store_failures", (JinjaFunction) (args, kwargs) -> StoreFailures.storedAs(node, host.flags()) != null);
        g.put("run_query", (JinjaFunction) (args, kwargs) -> runQuery(arg(args, kwargs, 0, "sql")));
        g.put("_smelt_execute_statement", (JinjaFunction) this::executeStatement);
        g.put("load_result", (JinjaFunction) (args, kwargs) -> statementResults.get(String.valueOf(arg(args, kwargs, 0, "name"))));
        g.put("store_result", (JinjaFunction) this::storeResult);
        g.put("store_raw_result", (JinjaFunction) this::storeResult);
        g.put("log", (JinjaFunction) this::log);
        g.put("print", (JinjaFunction) (args, kwargs) -> {
            if (executing()) {
                host.listener().message(RunListener.Level.INFO, String.valueOf(arg(args, kwargs, 0, "msg")));
            }
            return "";
        });
        AdapterObject adapterObject = new AdapterObject(host, this, scope);
        g.put("adapter", adapterObject);
        // dbt's global load_relation(relation) is adapter.load_relation
        g.put("load_relation", adapterObject.attribute("load_relation"));
        g.put("exceptions", exceptions());
        g.put("api", api());
        g.put("local_md5", (JinjaFunction) (args, kwargs) -> md5(String.valueOf(arg(args, kwargs, 0, "value"))));
        g.put("invocation_id", host.invocationId());
        g.put("run_started_at", PyDateTimes.utcInstant(host.runStartedAt()));
        g.put("project_name", host.rootPackage());
        g.put("dbt_version", "1.10.0");
        g.put("flags", host.flags());
        g.put("graph", executing() ? host.graph() : FlatGraph.empty());
        g.put("selected_resources", executing() ? host.selectedResources() : List.of());
        if (node != null) {
            Relation relation = host.relationOf(node);
            g.put("this", node.hasRelation() || node.resourceType().dbtName().equals("model")
                    ? new RelationObject(current(relation), host.adapter()) : null);
            g.put("model", modelDict());
            g.put("schema", node.schema());
            g.put("database", node.database());
        }
        // As dbt: every context member, as it is before macros of the same name (a project's ref()) hide it
        g.put("builtins", Collections.unmodifiableMap(new HashMap<>(g)));
        if (fixtures != null) {
            fixtures.macros().forEach((name, value) -> {
                Object original = g.get(name);
                if (original != null && !(original instanceof JinjaFunction)) {
                    // a context value such as invocation_id: dbt replaces the value itself
                    g.put(name, value);
                }
                else if (!name.equals("is_incremental")) {
                    g.put(name, (io.smelt.compiler.jinja.MacroOverride) (args, kwargs) -> value);
                }
            });
            if (fixtures.thisName() != null) {
                g.put("this", new RelationObject(new Relation(null, null, fixtures.thisName(), RelationType.CTE), host.adapter()));
            }
        }
        g.putAll(extra);
        return g;
    }

    /** dbt's RuntimeConfig of the root project ({@code ref.config}). */
    private Object runtimeConfig() {
        io.smelt.compiler.project.DbtProject root = host.projects().get(host.rootPackage());
        return root == null ? null : new RuntimeConfigObject(root, host.projects(), host.cliVars(), host.flags(), host.target());
    }

    private Relation current(Relation relation) {
        if (scope == null) {
            return relation;
        }
        Relation existing = scope.lookup(relation);
        return existing == null ? relation : existing;
    }


    private Object ref(List<Object> args, Map<String, Object> kwargs) {
        if (args.isEmpty() || args.size() > 2) {
            throw error("ref() takes a model name, or a package name and a model name; got " + args.size() + " arguments",
                    "write {{ ref('model_name') }} or {{ ref('package_name', 'model_name') }}");
        }
        String packageName = args.size() == 2 ? String.valueOf(args.get(0)) : null;
        String name = String.valueOf(args.get(args.size() - 1));
        Object version = kwargs.containsKey("version") ? kwargs.get("version") : kwargs.get("v");
        String versionText = version == null ? null : version.toString();
        if (capture != null) {
            capture.refs.add(new RefCall(packageName, name, versionText, JinjaEngine.currentLine()));
            Relation guess = new Relation(node == null ? null : node.database(), node == null ? null : node.schema(), name, null);
            return new RelationObject(guess, host.adapter());
        }
        Node target = host.resolveRef(node, packageName, name, versionText);
        if (target == null) {
            throw error("ref('" + name + "') names no model, seed or snapshot", "check the name, or run `smelt ls` to list nodes");
        }
        if (node != null && node.resourceType() != ResourceType.OPERATION && !node.dependsOn().contains(target.uniqueId())) {
            // Parsing did not see this ref (it sits under {% if execute %}), so nothing made the
            // referenced node run first.
            throw error(node.name() + " refers to '" + name + "' only at run time, so its dependency is unknown",
                    "add this line at the top of the model: -- depends_on: {{ ref('" + name + "') }}");
        }
        RelationObject fixture = fixture(target);
        if (fixture != null) {
            return fixture;
        }
        if (target.isEphemeral()) {
            ephemerals.add(target);
            return limited(new RelationObject(new Relation(null, null, "__dbt__cte__" + target.name(), RelationType.CTE),
                    host.adapter()));
        }
        return limited(filtered(target, new RelationObject(current(host.relationOf(target)), host.adapter())));
    }

    /** In a unit test, a given input reads as the CTE of its rows; an input not given is an error. */
    private RelationObject fixture(Node target) {
        if (fixtures == null) {
            return null;
        }
        String name = fixtures.relations().get(target.uniqueId());
        if (name == null) {
            throw error("the unit test gives no rows for " + target.uniqueId() + ", which " + node.name() + " reads",
                    "add a given input for it (rows: [] for none)");
        }
        return new RelationObject(new Relation(null, null, name, RelationType.CTE), host.adapter());
    }

    /**
     * In a batch, a node with an event_time reads as a subquery of the batch's rows (dbt 1.9's
     * event_time filter); {@code .render()} still gives the bare name.
     */
    private RelationObject filtered(Node target, RelationObject relation) {
        Object eventTime = target.config().get("event_time");
        if (batch == null || eventTime == null || eventTime.toString().isBlank()) {
            return relation;
        }
        Object sql = host.engine().callMacro(host.rootPackage(), "event_time_filtered_relation",
                List.of(relation, eventTime.toString(), batch.startText(), batch.endText()), Map.of(), globals(Map.of()));
        return relation.printedAs(String.valueOf(sql).strip());
    }

    /** Under {@code --empty}, a relation read as a subquery of no rows (dbt's {@code render_limited}); {@code .render()} keeps the name. */
    private RelationObject limited(RelationObject relation) {
        if (scope == null || !scope.empty()) {
            return relation;
        }
        Object sql = host.engine().callMacro(host.rootPackage(), "limited_relation_sql", List.of(relation, 0L), Map.of(),
                globals(Map.of()));
        return relation.printedAs(String.valueOf(sql).strip());
    }

    private Object source(List<Object> args, Map<String, Object> kwargs) {
        if (args.size() != 2) {
            throw error("source() takes a source name and a table name; got " + args.size() + " arguments",
                    "write {{ source('source_name', 'table_name') }}");
        }
        String sourceName = String.valueOf(args.get(0));
        String tableName = String.valueOf(args.get(1));
        if (capture != null) {
            capture.sources.add(new SourceCall(sourceName, tableName, JinjaEngine.currentLine()));
            return new RelationObject(new Relation(null, sourceName, tableName, null), host.adapter());
        }
        Node target = host.resolveSource(node, sourceName, tableName);
        if (target == null) {
            throw error("source('" + sourceName + "', '" + tableName + "') is not declared", "declare it under sources: in a .yml file");
        }
        RelationObject fixture = fixture(target);
        if (fixture != null) {
            return fixture;
        }
        return limited(filtered(target, new RelationObject(current(host.relationOf(target)), host.adapter())));
    }

    private Object envVar(List<Object> args, Map<String, Object> kwargs) {
        String name = String.valueOf(arg(args, kwargs, 0, "var"));
        if (name.startsWith(SECRET_PREFIX)) {
            // A secret read here would end up in compiled SQL, logs and artifacts.
            throw error("env_var('" + name + "') reads a secret, which only profiles.yml may use",
                    "pass the value through profiles.yml, or rename the variable if it is not a secret");
        }
        String value = fixtures != null && fixtures.envVars().containsKey(name) ? fixtures.envVars().get(name) : host.envVar(name);
        if (value != null) {
            return value;
        }
        if (args.size() > 1 || kwargs.containsKey("default")) {
            Object fallback = args.size() > 1 ? args.get(1) : kwargs.get("default");
            return fallback == null ? null : fallback.toString();
        }
        throw error("environment variable '" + name + "' is not set and env_var() was given no default",
                "export " + name + "=... before running, or write env_var('" + name + "', 'default')");
    }

    private boolean isIncremental() {
        if (fixtures != null) {
            Object value = fixtures.macros().get("is_incremental");
            return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
        }
        boolean rebuilding = batch != null ? replacing : fullRefresh();
        if (scope == null || node == null || !"incremental".equals(config.materialized()) || rebuilding) {
            return false;
        }
        Relation existing = scope.lookup(host.relationOf(node));
        return existing != null && existing.type() == RelationType.TABLE;
    }

    private boolean fullRefresh() {
        Object perModel = config.get("full_refresh");
        if (perModel instanceof Boolean b) {
            return b;
        }
        return scope != null && scope.fullRefresh();
    }

    private void printTable(String text) {
        host.listener().message(RunListener.Level.INFO, text);
    }

    private Object runQuery(Object sql) {
        if (scope == null) {
            return null;
        }
        return new ResultTable(scope.execute(String.valueOf(sql), true), this::printTable);
    }

    private Object executeStatement(List<Object> args, Map<String, Object> kwargs) {
        String name = args.get(0) == null ? null : args.get(0).toString();
        String sql = String.valueOf(args.get(1));
        boolean fetch = Boolean.TRUE.equals(args.get(2));
        if (scope == null) {
            return "";
        }
        QueryResult result = scope.execute(sql, fetch);
        if (name != null) {
            statementResults.put(name, resultDict(result, this::printTable));
        }
        return "";
    }

    private Object storeResult(List<Object> args, Map<String, Object> kwargs) {
        String name = String.valueOf(arg(args, kwargs, 0, "name"));
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("response", kwargs.getOrDefault("response", kwargs.get("message")));
        Object table = kwargs.getOrDefault("agate_table", args.size() > 2 ? args.get(2) : null);
        stored.put("table", table);
        stored.put("data", table instanceof ResultTable t ? t.attribute("rows") : List.of());
        statementResults.put(name, stored);
        return "";
    }

    static Map<String, Object> resultDict(QueryResult result, Consumer<String> printer) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", result.message());
        response.put("code", result.message());
        response.put("rows_affected", result.rowsAffected());
        response.put("query_id", result.queryId());
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("response", response);
        ResultTable table = new ResultTable(result, printer);
        stored.put("table", table);
        stored.put("data", table.attribute("rows"));
        return stored;
    }

    private Object log(List<Object> args, Map<String, Object> kwargs) {
        if (executing()) {
            Object info = args.size() > 1 ? args.get(1) : kwargs.get("info");
            RunListener.Level level = Boolean.TRUE.equals(info) ? RunListener.Level.INFO : RunListener.Level.DEBUG;
            host.listener().message(level, String.valueOf(arg(args, kwargs, 0, "msg")));
        }
        return "";
    }

    /** dbt's {@code exceptions}: raising fails the render where it is called; {@code warn} reaches the user. */
    private Map<String, Object> exceptions() {
        Map<String, Object> exceptions = new java.util.HashMap<>();
        for (String[] kind : new String[][] {{"raise_compiler_error", "Compilation Error: "},
                {"raise_not_implemented", "Compilation Error: not implemented: "}, {"raise_database_error", "Database Error: "},
                {"raise_dependency_error", "Dependency Error: "}, {"raise_fail_fast_error", "Fail Fast Error: "}}) {
            exceptions.put(kind[0], (JinjaFunction) (args, kwargs) -> {
                throw error(kind[1] + arg(args, kwargs, 0, "msg"), null);
            });
        }
        exceptions.put("warn", (JinjaFunction) (args, kwargs) -> {
            String name = io.smelt.compiler.diag.WarnErrorOptions.JINJA_WARNING;
            if (host.warnErrors().includes(name)) {
                throw error("Compilation Error: " + arg(args, kwargs, 0, "msg"), "--warn-error makes exceptions.warn (" + name + ") an error");
            }
            if (!host.warnErrors().silenced(name)) {
                host.listener().message(RunListener.Level.WARN, new SourcePosition(JinjaEngine.currentFile(),
                        JinjaEngine.currentLine(), 0) + ": " + arg(args, kwargs, 0, "msg"));
            }
            return "";
        });
        return exceptions;
    }

    private Map<String, Object> api() {
        Map<String, Object> relation = Map.of("create", (JinjaFunction) (args, kwargs) -> {
            String identifier = string(arg(args, kwargs, 2, "identifier"));
            Relation created = new Relation(string(arg(args, kwargs, 0, "database")),
                    string(arg(args, kwargs, 1, "schema")), identifier == null ? "" : identifier,
                    RelationObject.typeOf(string(arg(args, kwargs, 3, "type"))));
            return RelationObject.create(created, host.adapter(), (Map<?, ?>) kwargs.get("include_policy"),
                    (Map<?, ?>) kwargs.get("quote_policy"));
        });
        Map<String, Object> column = Map.of(
                "translate_type", (JinjaFunction) (args, kwargs) -> host.adapter().mapType(String.valueOf(arg(args, kwargs, 0, "dtype"))),
                "create", (JinjaFunction) (args, kwargs) -> new ColumnObject(
                        new Column(String.valueOf(arg(args, kwargs, 0, "name")), String.valueOf(arg(args, kwargs, 1, "label_or_dtype"))),
                        host.adapter()));
        return Map.of("Relation", relation, "Column", column);
    }

    private Map<String, Object> modelDict() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("unique_id", node.uniqueId());
        model.put("name", node.name());
        model.put("alias", node.alias());
        model.put("schema", node.schema());
        model.put("database", node.database());
        model.put("resource_type", node.resourceType().dbtName());
        model.put("package_name", node.packageName());
        model.put("original_file_path", node.originalFilePath() == null ? null : node.originalFilePath().toString());
        model.put("path", node.originalFilePath() == null ? null : node.originalFilePath().toString());
        model.put("fqn", new ArrayList<>(node.fqn()));
        model.put("config", new LinkedHashMap<>(config.values()));
        model.put("tags", new ArrayList<>(config.tags()));
        model.put("description", node.description());
        model.put("raw_code", node.rawCode());
        model.put("raw_sql", node.rawCode());
        model.put("language", "sql");
        model.put("columns", new LinkedHashMap<>(node.columns()));
        model.put("meta", config.get("meta") == null ? Map.of() : config.get("meta"));
        model.put("depends_on", Map.of("nodes", new ArrayList<>(node.dependsOn())));
        model.put("version", config.get("version"));
        if (batch != null || "microbatch".equals(config.get("incremental_strategy"))) {
            // outside a batch (parsing, compile) a microbatch model sees a batch of nones, so that
            // model.batch.id renders rather than fails
            Map<String, Object> batchDict = new LinkedHashMap<>();
            batchDict.put("id", batch == null ? null : batch.id());
            batchDict.put("event_time_start", batch == null ? null : PyDateTimes.utc(batch.start()));
            batchDict.put("event_time_end", batch == null ? null : PyDateTimes.utc(batch.end()));
            model.put("batch", batchDict);
        }
        return model;
    }

    static Object arg(List<Object> args, Map<String, Object> kwargs, int index, String name) {
        if (args.size() > index) {
            return args.get(index);
        }
        return kwargs.get(name);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    SmeltException error(String message, String hint) {
        return new SmeltException(ErrorKind.JINJA, new SourcePosition(JinjaEngine.currentFile(), JinjaEngine.currentLine(), 0), message, hint);
    }
}
