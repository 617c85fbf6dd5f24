package io.smelt.compiler.exec;

import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.lineage.ProjectLineage;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.Scope;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.graph.StoreFailures;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.IncrementalConfig;
import io.smelt.compiler.materialize.RelationCache;
import io.smelt.compiler.materialize.SnapshotConfig;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.NodeSelector;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.sql.SqlStatements;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One command over a selection: which nodes, in what order, and what happens around them. */
public final class Invoker {
    private final LoadedProject project;
    private final DependencyGraph graph;
    private final NodeSelector selector;
    private Map<String, Object> recordedArgs = Map.of();
    private boolean sqlCheck = true;
    private Map<String, Map<String, List<ColumnOrigin>>> lineage = Map.of();

    public Invoker(LoadedProject project, DependencyGraph graph, NodeSelector selector) {
        this.project = project;
        this.graph = graph;
        this.selector = selector;
    }

    /** Flags besides the command's own ({@code target}, {@code vars}, {@code state}, ...) that run_results.json records in args. */
    public Invoker recording(Map<String, Object> args) {
        this.recordedArgs = Map.copyOf(args);
        return this;
    }

    /** Whether compile, run and build analyse the project's SQL first ({@code --no-sql-check} turns it off). */
    public Invoker sqlCheck(boolean enabled) {
        this.sqlCheck = enabled;
        return this;
    }

    public RunSummary execute(Invocation invocation, RunListener listener) {
        return execute(invocation, null, listener);
    }

    /**
     * Runs the command over exactly the nodes with these unique ids instead of its selection, as
     * {@code retry} does; ids that are no longer in the project are left out with a warning. The
     * selection is still recorded in run_results.json, so a later retry re-runs the same command.
     */
    public RunSummary execute(Invocation invocation, Collection<String> uniqueIds, RunListener listener) {
        long t0 = System.nanoTime();
        Instant startedAt = Instant.now();
        Command command = invocation.command();
        List<Node> nodes = uniqueIds == null ? nodesFor(invocation, listener) : nodesOf(uniqueIds, listener);
        io.smelt.compiler.diag.Phases.done("selected");
        project.invocation(listener, nodes.stream().map(Node::uniqueId).toList(), flags(invocation), invocation.warnErrors());
        if (command == Command.PARSE) {
            RunSummary summary = new RunSummary(command, List.of(), Duration.ofNanos(System.nanoTime() - t0));
            Artifacts.write(project, summary, Map.of(), Map.of(), startedAt, args(invocation));
            listener.runFinished(summary);
            return summary;
        }
        // a var defined nowhere was none while parsing (as in dbt); nothing selected compiles with it
        for (Node node : nodes) {
            if (project.missingVar(node) != null) {
                throw project.missingVar(node);
            }
        }
        if (sqlCheck && (command == Command.COMPILE || command == Command.RUN || command == Command.BUILD)) {
            List<NodeResult> stopped = SqlCheckStep.check(project, graph, nodes, listener,
                    analysis -> lineage = analysis == null ? Map.of() : ProjectLineage.of(analysis.byNode()).byNode());
            io.smelt.compiler.diag.Phases.done("SQL check");
            if (stopped != null) {
                listener.runStarted(command, nodes.size());
                return finish(invocation, stopped, t0, startedAt, null, listener);
            }
        }
        if (command != Command.COMPILE && command != Command.CLONE) {
            IncrementalConfig.checkAll(nodes, project.adapter().capabilities(), project.adapter().type());
            SnapshotConfig.checkAll(nodes);
            StoreFailures.checkAll(nodes);
        }
        listener.runStarted(command, nodes.size());
        RelationCache cache = new RelationCache(project.adapter());
        boolean compileOnly = command == Command.COMPILE;
        // As dbt: project hooks run around commands that build something (not clone), and not when nothing was selected.
        boolean hooks = !compileOnly && command != Command.CLONE && !nodes.isEmpty();
        List<NodeResult> results = new ArrayList<>();
        try (Session session = new OnDemandSession(project.adapter()::openSession)) {
            Scope scope = new Scope(session, cache, invocation.fullRefresh(), invocation.empty());
            if (hooks && !runHooks("on-run-start", scope, results, Map.of(), listener)) {
                return finish(invocation, results, t0, startedAt, null, listener);
            }
            if (!compileOnly && command != Command.FRESHNESS) {
                createSchemas(nodes, scope);
            }
        }
        NodeRunner runner = new NodeRunner(project, invocation.eventTime(), command);
        Scheduler scheduler = new Scheduler(() -> new OnDemandSession(project.adapter()::openSession), project.adapter().threads(),
                listener);
        results.addAll(scheduler.run(nodes, BuildOrder.waitsFor(graph, nodes, command), invocation.failFast(),
                (node, session, index) -> runner.run(node,
                        new Scope(session, cache, invocation.fullRefresh(), invocation.empty()), index, nodes.size()),
                nodes.size()));
        io.smelt.compiler.diag.Phases.done("nodes run");
        if (hooks) {
            try (Session session = project.adapter().openSession()) {
                Map<String, Object> extra = Map.of("results", RunResultObject.of(results, project.graph(),
                        runner.compiledCode(), runner.threadIds()));
                runHooks("on-run-end", new Scope(session, cache, invocation.fullRefresh(), invocation.empty()),
                        results, extra, listener);
            }
        }
        return finish(invocation, results, t0, startedAt, runner, listener);
    }

    private RunSummary finish(Invocation invocation, List<NodeResult> results, long t0, Instant startedAt, NodeRunner runner,
            RunListener listener) {
        RunSummary summary = new RunSummary(invocation.command(), results, Duration.ofNanos(System.nanoTime() - t0));
        if (invocation.command() == Command.FRESHNESS) {
            Artifacts.writeSources(project, summary, runner == null ? Map.of() : runner.freshness(),
                    runner == null ? Map.of() : runner.threadIds(), startedAt, invocation.output());
            listener.runFinished(summary);
            return summary;
        }
        Artifacts.write(project, summary, runner == null ? Map.of() : runner.compiledCode(),
                runner == null ? Map.of() : runner.threadIds(), startedAt, args(invocation), lineage);
        listener.runFinished(summary);
        return summary;
    }

    private Map<String, Object> args(Invocation invocation) {
        return InvocationArgs.of(invocation, recordedArgs);
    }

    private List<Node> nodesOf(Collection<String> uniqueIds, RunListener listener) {
        List<String> present = new ArrayList<>();
        for (String id : uniqueIds) {
            if (graph.contains(id)) {
                present.add(id);
            } else {
                listener.message(RunListener.Level.WARN, id + " of the previous run is no longer in the project (or is disabled); it is not run");
            }
        }
        return graph.sortedNodes(present).stream().filter(node -> !node.isEphemeral()).toList();
    }

    private List<Node> nodesFor(Invocation invocation, RunListener listener) {
        Set<ResourceType> types = switch (invocation.command()) {
            case RUN -> EnumSet.of(ResourceType.MODEL);
            case SEED -> EnumSet.of(ResourceType.SEED);
            case TEST -> EnumSet.of(ResourceType.TEST, ResourceType.UNIT_TEST);
            case SNAPSHOT -> EnumSet.of(ResourceType.SNAPSHOT);
            case CLONE -> EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT);
            case BUILD -> EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.TEST, ResourceType.SNAPSHOT,
                    ResourceType.UNIT_TEST);
            case COMPILE -> EnumSet.of(ResourceType.MODEL, ResourceType.TEST, ResourceType.ANALYSIS, ResourceType.SNAPSHOT);
            case FRESHNESS -> EnumSet.of(ResourceType.SOURCE);
            default -> EnumSet.noneOf(ResourceType.class);
        };
        if (!invocation.selection().resourceTypes().isEmpty()) {
            types.retainAll(invocation.selection().resourceTypes());
        }
        if (types.isEmpty()) {
            return List.of();
        }
        Selection selection = invocation.selection().withResourceTypes(types);
        NodeSelector.Result result = selector.select(selection);
        if (result.note() != null) {
            listener.message(RunListener.Level.INFO, result.note());
        }
        for (String warning : result.warnings()) {
            WarnErrorOptions warnErrors = invocation.warnErrors();
            if (warnErrors.includes(WarnErrorOptions.NO_NODES)) {
                throw new SmeltException(io.smelt.compiler.diag.ErrorKind.COMMAND_LINE, null, warning,
                        "--warn-error makes this warning (" + WarnErrorOptions.NO_NODES + ") an error; fix the selector");
            }
            if (!warnErrors.silenced(WarnErrorOptions.NO_NODES)) {
                listener.message(RunListener.Level.WARN, warning);
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Node node : graph.sortedNodes(result.uniqueIds())) {
            // as dbt's FreshnessSelector: only sources with a threshold are checked
            boolean unchecked = invocation.command() == Command.FRESHNESS && !FreshnessRunner.threshold(node).isSet();
            if (types.contains(node.resourceType()) && !node.isEphemeral() && !unchecked) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private void createSchemas(List<Node> nodes, Scope scope) {
        Set<List<String>> done = new HashSet<>();
        DbtContext context = DbtContext.forOperation(project, scope);
        for (Node node : nodes) {
            boolean relation = node.hasRelation() || StoreFailures.storedAs(node, project.flags()) != null;
            if (!relation || node.schema() == null) {
                continue;
            }
            if (done.add(java.util.Arrays.asList(node.database(), node.schema()))) {
                Relation schema = new Relation(node.database(), node.schema(), "", null);
                Object sql = project.engine().callMacro(project.rootPackage(), "create_schema",
                        List.of(new io.smelt.compiler.context.RelationObject(schema, project.adapter())), Map.of(),
                        context.globals(Map.of()));
                for (String statement : SqlStatements.split(String.valueOf(sql))) {
                    scope.execute(statement, false);
                }
            }
        }
    }

    /**
     * Runs the {@code on-run-start} or {@code on-run-end} hooks of every project as dbt's operation
     * nodes, in dbt's order: the packages' by package name, then the root project's; each renders in
     * its own package, so it reaches that package's macros unqualified. {@code extra} holds variables
     * the hooks see besides the context ({@code results} for on-run-end). False when one failed.
     */
    private boolean runHooks(String kind, Scope scope, List<NodeResult> results, Map<String, Object> extra,
            RunListener listener) {
        List<DbtProject> projects = new ArrayList<>();
        project.packages().values().stream()
                .filter(p -> !p.name().equals(project.rootPackage()))
                .sorted(Comparator.comparing(DbtProject::name))
                .forEach(projects::add);
        projects.add(project.root());
        List<Node> hooks = new ArrayList<>();
        for (DbtProject owner : projects) {
            List<String> sql = kind.equals("on-run-start") ? owner.onRunStart() : owner.onRunEnd();
            for (int i = 0; i < sql.size(); i++) {
                String name = owner.name() + "-" + kind + "-" + i;
                hooks.add(new Node("operation." + owner.name() + "." + name, ResourceType.OPERATION, owner.name(), name,
                        Path.of("hooks", name + ".sql"), null, List.of(owner.name(), "hooks", name), sql.get(i),
                        NodeConfig.EMPTY, null, null, null, null, null, null, null, null, null, null,
                        owner.positionOf(kind), null));
            }
        }
        if (!hooks.isEmpty()) {
            listener.hooksStarted(kind, hooks.size());
        }
        for (int i = 0; i < hooks.size(); i++) {
            Node hook = hooks.get(i);
            listener.hookStarted(hook, i + 1, hooks.size());
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            try {
                DbtContext context = DbtContext.forOperation(project, scope);
                String sql = project.engine().renderString(hook.packageName(), hook.rawCode(), context.globals(extra));
                for (String statement : SqlStatements.split(sql)) {
                    scope.execute(statement, false);
                }
                NodeResult ok = new NodeResult(hook, i + 1, hooks.size(), NodeStatus.SUCCESS, "OK", 0, started,
                        Duration.ofNanos(System.nanoTime() - t0), null, null, null, Map.of());
                results.add(ok);
                listener.hookFinished(ok);
            }
            catch (RuntimeException e) {
                SourcePosition at = e instanceof SmeltException s ? s.first().at() : hook.definedAt();
                NodeResult failed = new NodeResult(hook, i + 1, hooks.size(), NodeStatus.ERROR,
                        kind + " hook failed: " + e.getMessage(), 0, started, Duration.ofNanos(System.nanoTime() - t0),
                        null, null, at, Map.of());
                results.add(failed);
                listener.nodeFinished(failed);
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> flags(Invocation invocation) {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("FULL_REFRESH", invocation.fullRefresh());
        flags.put("WHICH", invocation.command().verb());
        flags.put("FAIL_FAST", invocation.failFast());
        flags.put("STORE_FAILURES", invocation.storeFailures());
        flags.put("EMPTY", invocation.empty());
        flags.put("DEBUG", false);
        return flags;
    }

    public QueryResult show(Selection selection, String inlineSql, int limit, RunListener listener) {
        project.invocation(listener, List.of(), Map.of("WHICH", "show"), WarnErrorOptions.NONE);
        RelationCache cache = new RelationCache(project.adapter());
        NodeRunner runner = new NodeRunner(project);
        try (Session session = project.adapter().openSession()) {
            Scope scope = new Scope(session, cache, false);
            CompiledNode compiled;
            if (inlineSql != null) {
                compiled = InlineQuery.compile(project, runner, inlineSql, scope);
            }
            else {
                List<Node> selected = selector.selectNodes(selection).stream()
                        .filter(n -> n.resourceType() == ResourceType.MODEL || n.resourceType() == ResourceType.ANALYSIS)
                        .toList();
                if (selected.size() != 1) {
                    throw new SmeltException(ErrorKind.SELECTOR, null, "show needs exactly one model, but the selection picked "
                            + selected.size(), "name one model with --select, or pass --inline 'select ...'");
                }
                compiled = runner.compile(selected.get(0), scope);
            }
            Object sql = project.engine().callMacro(project.rootPackage(), "get_show_sql",
                    java.util.Arrays.asList(compiled.sql(), null, limit < 0 ? null : (long) limit), Map.of(),
                    compiled.context().globals(Map.of()));
            return session.execute(String.valueOf(sql), true, limit);
        }
    }

    /** {@code compile --inline}: the SQL compiled in the project's context, written under target/compiled as show writes it. */
    public String compileInline(String sql, RunListener listener) {
        project.invocation(listener, List.of(), Map.of("WHICH", "compile"), WarnErrorOptions.NONE);
        try (Session session = project.adapter().openSession()) {
            Scope scope = new Scope(session, new RelationCache(project.adapter()), false);
            return InlineQuery.compile(project, new NodeRunner(project), sql, scope).sql();
        }
    }

    /**
     * Calls a macro as {@code run-operation}, and records it in run_results.json as dbt does: one
     * result under the macro's unique id, success or error, with the macro and its arguments in args.
     */
    public Object runOperation(String macroName, Map<String, Object> args, RunListener listener) {
        project.invocation(listener, List.of(), Map.of("WHICH", "run-operation"), WarnErrorOptions.NONE);
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        try (Session session = project.adapter().openSession()) {
            Scope scope = new Scope(session, new RelationCache(project.adapter()), false);
            DbtContext context = DbtContext.forOperation(project, scope);
            Object returned = project.engine().callMacro(project.rootPackage(), macroName, List.of(), args, context.globals(Map.of()));
            recordOperation(macroName, args, null, startedAt, t0);
            return returned;
        }
        catch (RuntimeException e) {
            recordOperation(macroName, args, e, startedAt, t0);
            throw e;
        }
    }

    private void recordOperation(String macroName, Map<String, Object> macroArgs, RuntimeException error, Instant startedAt, long t0) {
        String uniqueId = project.engine().macroUniqueId(project.rootPackage(), macroName);
        if (uniqueId == null) {
            return;
        }
        String[] parts = uniqueId.split("\\.", 3);
        Node macro = new Node(uniqueId, ResourceType.OPERATION, parts[1], parts[2], Path.of(""), null, List.of(parts), "",
                NodeConfig.EMPTY, null, null, null, null, null, null, null, null, null, null, null, null);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        NodeResult result = new NodeResult(macro, 1, 1, error == null ? NodeStatus.SUCCESS : NodeStatus.ERROR,
                error == null ? "" : String.valueOf(error.getMessage()), error == null ? 0 : 1, startedAt, elapsed, null, null, null, Map.of());
        Map<String, Object> args = new LinkedHashMap<>(recordedArgs);
        args.put("macro", macroName);
        args.put("args", macroArgs);
        Artifacts.write(project, new RunSummary(Command.RUN_OPERATION, List.of(result), elapsed), Map.of(), Map.of(), startedAt, args);
    }
}
