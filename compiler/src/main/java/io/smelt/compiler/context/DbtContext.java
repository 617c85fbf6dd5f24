package io.smelt.compiler.context;

import io.smelt.adapter.Relation;
import io.smelt.compiler.artifact.FlatGraph;
import io.smelt.compiler.contract.ModelContract;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.StoreFailures;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.RenderContext;
import io.smelt.compiler.jinja.PyDateTimes;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.result.RunListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Builds the variables a dbt template sees: the members every render shares, and those of its mode's
 * {@link Provider} (parsing, running a node, an operation, a batch, a unit test). At parse time
 * ({@code execute} false) ref, source and config calls are captured and nothing touches the engine; at
 * execution time they resolve against the linked project and the worker's session.
 */
public final class DbtContext {
    private static final String SECRET_PREFIX = "DBT_ENV_SECRET_";
    private final ContextHost host;
    private final Node node;
    private final NodeConfig config;
    private final Provider provider;
    private final Statements statements;

    private DbtContext(ContextHost host, Node node, Function<DbtContext, Provider> provider) {
        this.host = host;
        this.node = node;
        this.config = node == null ? NodeConfig.EMPTY : node.config();
        this.provider = provider.apply(this);
        this.statements = new Statements(this.provider, text -> host.listener().message(RunListener.Level.INFO, text));
    }

    /**
     * A parse-time context for a node whose relation and config are provisional; {@code node} is null
     * for text outside a node (a properties file's value).
     */
    public static DbtContext forParse(ContextHost host, Node node, ParseCapture capture) {
        requireNonNull(capture, "capture is null");
        return new DbtContext(host, node, context -> new ParseProvider(host, node, capture));
    }

    /** An execution-time context for a node; an operation node (a hook, an inline query) may ref any node. */
    public static DbtContext forExecution(ContextHost host, Node node, ExecutionScope scope) {
        requireNonNull(node, "node is null");
        requireNonNull(scope, "scope is null");
        if (node.resourceType() == ResourceType.OPERATION) {
            return new DbtContext(host, node, context -> new OperationProvider(context, host, node, scope));
        }
        return new DbtContext(host, node, context -> new RuntimeProvider(context, host, node, scope));
    }

    /** An execution-time context outside any node: a macro run by name, schema creation. */
    public static DbtContext forOperation(ContextHost host, ExecutionScope scope) {
        requireNonNull(scope, "scope is null");
        return new DbtContext(host, null, context -> new OperationProvider(context, host, null, scope));
    }

    /**
     * An execution-time context for one batch of a microbatch model: {@code model.batch} describes
     * it, and ref/source of a node with an {@code event_time} config read only the batch's rows.
     * {@code is_incremental()} is true when the table exists and the batch does not replace it.
     *
     * @param replacing the batch rebuilds the table (the first batch of a full refresh)
     */
    public static DbtContext forBatch(ContextHost host, Node node, ExecutionScope scope, BatchWindow batch, boolean replacing) {
        requireNonNull(node, "node is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(batch, "batch is null");
        return new DbtContext(host, node, context -> new BatchProvider(context, host, node, scope, batch, replacing));
    }

    /**
     * An execution-time context for a unit test of {@code model}: its given inputs read from CTEs,
     * {@code is_incremental()} is false unless overridden, and overrides come before the project's
     * vars, environment and macros.
     */
    public static DbtContext forUnitTest(ContextHost host, Node model, ExecutionScope scope, UnitTestInputs fixtures) {
        requireNonNull(model, "model is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(fixtures, "fixtures is null");
        return new DbtContext(host, model, context -> new UnitTestProvider(context, host, model, scope, fixtures));
    }

    public boolean executing() {
        return provider.executing();
    }

    /**
     * What {@code config(...)} calls set while rendering at execution time, such as the {@code
     * fail_calc} a generic test's macro chooses.
     */
    public Map<String, Object> executionConfig() {
        return provider.executionConfig();
    }

    /** Ephemeral models the render referenced, in the order first seen. */
    public Set<Node> ephemerals() {
        return provider.ephemerals();
    }

    /** The globals for one render, with extra entries (such as {@code sql}) on top. */
    public Map<String, Object> globals(Map<String, Object> extra) {
        Map<String, Object> g = new HashMap<>(64);
        g.put("ref", new RefFunction(this::ref, this::runtimeConfig));
        g.put("source", (JinjaFunction) this::source);
        g.put("config", provider.config(config));
        g.put("var", new VarCall(this, host, node, provider));
        g.put("env_var", (JinjaFunction) this::envVar);
        g.put("target", host.target());
        g.put("execute", executing());
        g.put("is_incremental", (JinjaFunction) (args, kwargs) -> provider.isIncremental());
        g.put("should_full_refresh", (JinjaFunction) (args, kwargs) -> provider.shouldFullRefresh());
        g.put("should_store_failures", (JinjaFunction) (args, kwargs) -> StoreFailures.storedAs(node, host.flags()) != null);
        statements.addTo(g);
        g.put("log", (JinjaFunction) this::log);
        g.put("print", (JinjaFunction) (args, kwargs) -> {
            if (executing()) {
                host.listener().message(RunListener.Level.INFO, String.valueOf(arg(args, kwargs, 0, "msg")));
            }
            return "";
        });
        AdapterObject adapterObject = provider.adapter(this);
        g.put("adapter", adapterObject);
        // dbt's global load_relation(relation) is adapter.load_relation
        g.put("load_relation", adapterObject.attribute("load_relation"));
        g.put("exceptions", Namespaces.exceptions(host));
        g.put("api", Namespaces.api(host));
        g.put("invocation_id", host.invocationId());
        g.put("run_started_at", PyDateTimes.utcInstant(host.runStartedAt()));
        g.put("project_name", host.rootPackage());
        g.put("dbt_version", "1.10.0");
        g.put("flags", host.flags());
        g.put("graph", executing() ? host.graph() : FlatGraph.empty());
        g.put("selected_resources", executing() ? host.selectedResources() : List.of());
        if (node != null) {
            Relation relation = host.relationOf(node);
            // as dbt, a test has one too: where it stores failures, named as the test
            g.put("this", node.hasRelation() || node.resourceType().dbtName().equals("model") || node.resourceType().dbtName().equals("test")
                    ? new RelationObject(provider.current(relation), host.adapter()) : null);
            g.put("defer_relation", deferRelation());
            g.put("model", modelDict());
            g.put("schema", node.schema());
            g.put("database", node.database());
        }
        // As dbt: every context member, as it is before macros of the same name (a project's ref()) hide it
        g.put("builtins", Collections.unmodifiableMap(new HashMap<>(g)));
        g.put("context", RenderContext.INSTANCE);
        g.put("render", (JinjaFunction) (args, kwargs) -> host.engine().renderInCurrent(String.valueOf(arg(args, kwargs, 0, "string"))));
        provider.override(g);
        g.putAll(extra);
        return g;
    }

    /** dbt's {@code defer_relation}: where the comparison run built this node, under --defer and in clone; else none. */
    private RelationObject deferRelation() {
        Relation deferred = host.deferral().relation(node.uniqueId());
        return deferred == null ? null : new RelationObject(deferred, host.adapter());
    }

    /** dbt's RuntimeConfig of the root project ({@code ref.config}). */
    private Object runtimeConfig() {
        DbtProject root = host.projects().get(host.rootPackage());
        return root == null ? null : new RuntimeConfigObject(root, host.projects(), host.cliVars(), host.flags(), host.target());
    }

    private Object ref(List<Object> args, Map<String, Object> kwargs) {
        if (args.isEmpty() || args.size() > 2) {
            throw error("ref() takes a model name, or a package name and a model name; got " + args.size() + " arguments",
                    "write {{ ref('model_name') }} or {{ ref('package_name', 'model_name') }}");
        }
        String packageName = args.size() == 2 ? String.valueOf(args.get(0)) : null;
        String name = String.valueOf(args.get(args.size() - 1));
        Object version = kwargs.containsKey("version") ? kwargs.get("version") : kwargs.get("v");
        return provider.ref(packageName, name, version == null ? null : version.toString());
    }

    private Object source(List<Object> args, Map<String, Object> kwargs) {
        if (args.size() != 2) {
            throw error("source() takes a source name and a table name; got " + args.size() + " arguments",
                    "write {{ source('source_name', 'table_name') }}");
        }
        return provider.source(String.valueOf(args.get(0)), String.valueOf(args.get(1)));
    }

    private Object envVar(List<Object> args, Map<String, Object> kwargs) {
        String name = String.valueOf(arg(args, kwargs, 0, "var"));
        if (name.startsWith(SECRET_PREFIX)) {
            // A secret read here would end up in compiled SQL, logs and artifacts.
            throw error("env_var('" + name + "') reads a secret, which only profiles.yml may use",
                    "pass the value through profiles.yml, or rename the variable if it is not a secret");
        }
        String value = provider.envVars().containsKey(name) ? provider.envVars().get(name) : host.envVar(name);
        provider.envVarRead(name, value);
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

    private Object log(List<Object> args, Map<String, Object> kwargs) {
        if (executing()) {
            Object info = args.size() > 1 ? args.get(1) : kwargs.get("info");
            RunListener.Level level = Boolean.TRUE.equals(info) ? RunListener.Level.INFO : RunListener.Level.DEBUG;
            host.listener().message(level, String.valueOf(arg(args, kwargs, 0, "msg")));
        }
        return "";
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
        model.put("columns", columnDicts());
        model.put("constraints", node.extra().get("constraints") instanceof List<?> constraints ? constraints : List.of());
        model.put("contract", Map.of("enforced", ModelContract.enforced(node)));
        model.put("meta", config.get("meta") == null ? Map.of() : config.get("meta"));
        model.put("depends_on", Map.of("nodes", new ArrayList<>(node.dependsOn())));
        model.put("version", config.get("version"));
        Optional<BatchWindow> batch = provider.batch();
        if (batch.isPresent() || "microbatch".equals(config.get("incremental_strategy"))) {
            // outside a batch (parsing, compile) a microbatch model sees a batch of nones, so that
            // model.batch.id renders rather than fails
            Map<String, Object> batchDict = new LinkedHashMap<>();
            batchDict.put("id", batch.map(BatchWindow::id).orElse(null));
            batchDict.put("event_time_start", batch.map(b -> PyDateTimes.utc(b.start())).orElse(null));
            batchDict.put("event_time_end", batch.map(b -> PyDateTimes.utc(b.end())).orElse(null));
            model.put("batch", batchDict);
        }
        return model;
    }

    /**
     * {@code model['columns']} as dbt's ColumnInfo dicts, which contract macros read by key; with the
     * contract's {@code alias_types} (the default) each data type as the engine names it, as dbt
     * translates it through {@code Column.translate_type}.
     */
    private Map<String, Object> columnDicts() {
        Map<String, Object> columns = new LinkedHashMap<>();
        boolean alias = ModelContract.aliasTypes(node.config());
        node.columns().forEach((name, column) -> {
            Map<String, Object> dict = new LinkedHashMap<>();
            dict.put("name", column.name());
            dict.put("description", column.description());
            dict.put("data_type", alias && column.dataType() != null ? host.adapter().mapType(column.dataType()) : column.dataType());
            dict.put("constraints", column.constraints());
            dict.put("quote", column.quote());
            dict.put("meta", column.meta());
            dict.put("tags", column.tags());
            columns.put(name, dict);
        });
        return columns;
    }

    static Object arg(List<Object> args, Map<String, Object> kwargs, int index, String name) {
        if (args.size() > index) {
            return args.get(index);
        }
        return kwargs.get(name);
    }

    /** An error at the template line being rendered. */
    static SmeltException error(String message, String hint) {
        return new SmeltException(ErrorKind.JINJA, new SourcePosition(JinjaEngine.currentFile(), JinjaEngine.currentLine(), 0), message, hint);
    }
}
