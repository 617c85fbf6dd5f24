package io.smelt.compiler.workspace;

import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.exec.Invoker;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.load.YamlRenderers;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.load.ProjectLoading;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.RunListener;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Session;
import io.smelt.compiler.deps.DepsInstaller;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeSelector;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.SelectorsFile;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.state.Deferral;
import io.smelt.compiler.state.PreviousRun;
import io.smelt.compiler.state.ResultSelector;
import io.smelt.compiler.state.SourceStatusMethod;
import io.smelt.compiler.state.SelectionReasons;
import io.smelt.compiler.state.StateComparison;
import io.smelt.compiler.state.StateSelectorMethod;
import io.smelt.compiler.state.StateOptions;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A loaded project: its manifest, its target's adapter and the commands that act on them. The one
 * entry point the CLI uses.
 */
public final class Workspace implements AutoCloseable {
    private final LoadedProject project;
    private final ProjectOptions options;
    private final DependencyGraph graph;
    private final NodeSelector selector;
    private StateOptions state = StateOptions.NONE;
    private boolean sqlCheck = true;
    private PreviousRun previousRun;
    private PreviousRun deferRun;
    private StateSelectorMethod stateMethod;

    private Workspace(LoadedProject project, ProjectOptions options) {
        this.project = project;
        this.options = options;
        this.graph = DependencyGraph.of(project.manifest().nodes().values());
        this.selector = new NodeSelector(graph, project.rootPackage(), packageDirs(project),
                project.manifest().exposures().values())
                .withSelectors(SelectorsFile.read(project.projectDir(), project.projectYamlRenderer()));
    }

    /**
     * Loads dbt_project.yml and the profile, parses every file and links the graph.
     *
     * @throws io.smelt.compiler.diag.SmeltException when the project or profile is wrong
     */
    public static Workspace load(ProjectOptions options, RunListener listener) {
        return load(options, listener, ProjectLoading.factories());
    }

    /** As {@link #load(ProjectOptions, RunListener)} with the engines given instead of those installed. */
    public static Workspace load(ProjectOptions options, RunListener listener, List<AdapterFactory> factories) {
        LoadedProject project = ProjectLoading.load(options, listener, factories);
        try {
            return new Workspace(project, options);
        }
        catch (RuntimeException e) {
            project.adapter().close();
            throw e;
        }
    }

    /**
     * The folder the project's artifacts go to ({@code target-path}, {@code DBT_TARGET_PATH}), read from
     * dbt_project.yml alone: no profile, no engine.
     */
    public static Path targetDir(ProjectOptions options) {
        return ProjectLoading.readProject(options).root().targetDir().toAbsolutePath();
    }

    /** Checks the project, the profile and the connection, reporting each. Never throws for bad input. */
    public static DebugReport debug(ProjectOptions options) {
        return Diagnostics.debug(options, ProjectLoading.factories());
    }

    /** Deletes the project's clean-targets; returns what was deleted. */
    public static List<Path> clean(ProjectOptions options) {
        return Diagnostics.clean(options);
    }

    /**
     * Installs the packages packages.yml or dependencies.yml declares, through package-lock.yml.
     *
     * @param upgrade resolve the declared packages again even when the lock file is current
     * @param lockOnly write the lock file, install nothing
     */
    public static DepsInstaller.Result deps(ProjectOptions options, boolean upgrade, boolean lockOnly, RunListener listener) {
        ProjectLoading.Files0 files = ProjectLoading.readProject(options);
        // As dbt's deps: no profile, so package configs that mention target stay as written (deps reads names and packages)
        return new DepsInstaller(files.root(), YamlRenderers.withoutTarget(files.renderer()), options.environment(),
                line -> listener.message(RunListener.Level.INFO, line)).run(upgrade, lockOnly);
    }

    /**
     * Sets the command's comparison flags ({@code --state}, {@code --defer}, ...) before it selects or runs.
     *
     * @throws io.smelt.compiler.diag.SmeltException when a folder does not exist, or {@code --defer} has no state to read
     */
    /** Turns the SQL check before compile, run and build on or off ({@code --no-sql-check}). */
    public Workspace withSqlCheck(boolean enabled) {
        this.sqlCheck = enabled;
        return this;
    }

    /** Analyses every model's SQL now (reading sources' columns from the warehouse), or null when this engine's SQL is not read. */
    public io.smelt.compiler.check.ProjectAnalysis.Result analyseSql() {
        return io.smelt.compiler.exec.SqlCheckStep.analyse(project, graph);
    }

    /**
     * The project's column lineage, from analysing every model's SQL now; null when this engine's SQL is
     * not read (see {@link #analyseSql()}).
     */
    public io.smelt.compiler.lineage.ProjectLineage lineage() {
        io.smelt.compiler.check.ProjectAnalysis.Result result = analyseSql();
        return result == null ? null : io.smelt.compiler.lineage.ProjectLineage.of(result.byNode());
    }

    /**
     * Each model's SQL analysis by unique id: the SQL check's when it ran in this load, else made now;
     * null when this engine's SQL is not read.
     */
    public Map<String, io.smelt.compiler.analysis.Analysis> sqlAnalyses() {
        Map<String, io.smelt.compiler.analysis.Analysis> made = project.sqlAnalyses();
        if (made == null) {
            io.smelt.compiler.check.ProjectAnalysis.Result result = analyseSql();
            made = result == null ? null : result.byNode();
        }
        return made;
    }

    public Workspace withState(StateOptions options) {
        this.state = options == null ? StateOptions.NONE : options;
        this.previousRun = state.stateDir() == null ? null : PreviousRun.of(state.stateDir(), "--state");
        this.deferRun = state.deferStateDir() == null ? previousRun : PreviousRun.of(state.deferStateDir(), "--defer-state");
        if (state.defer() && deferRun == null) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "--defer needs the artifacts of the run to defer to",
                    "add --state DIR (or --defer-state DIR), the folder holding that run's manifest.json");
        }
        if (previousRun != null) {
            selector.withMethod("result", new ResultSelector(previousRun));
            selector.withMethod("source_status", new SourceStatusMethod(previousRun, project.targetPath().resolve("sources.json")));
            PreviousRun compared = previousRun;
            stateMethod = new StateSelectorMethod(() -> CurrentState.compareWith(project, compared));
            selector.withMethod("state", stateMethod);
        }
        // read now, so a folder without a manifest is refused before anything runs
        project.deferTo(state.defer() ? Deferral.of(deferRun.manifest(), true, state.favorState()) : Deferral.NONE);
        return this;
    }

    /**
     * Why each node {@code state:} selects counts as modified, against {@code --state}; null without it.
     *
     * @throws io.smelt.compiler.diag.SmeltException when the state's manifest cannot be read
     */
    public StateComparison stateComparison() {
        return stateMethod == null ? null : stateMethod.comparison();
    }

    /**
     * What the change modified against {@code --state}: each node {@code state:modified} selects, with
     * why, as {@code ls --explain} says it; empty without {@code --state} or when its folder has no manifest.
     */
    public Map<String, String> modifiedNodes() {
        if (stateMethod == null || !previousRun.has("manifest.json")) {
            return Map.of();
        }
        StateComparison comparison = stateComparison();
        List<Node> modified = graph.sortedNodes(graph.nodes().stream().map(Node::uniqueId)
                .filter(id -> comparison.matches("modified", id)).toList());
        return SelectionReasons.explain(graph, modified, comparison);
    }

    /**
     * For the pull-request report: each column of a modified model whose lineage changed against
     * {@code --state} ({@code model.column}), with the downstream columns it feeds; empty without
     * {@code --state}, or when nothing modified was analysed.
     */
    public Map<String, List<String>> changedColumns() {
        Map<String, String> modified = modifiedNodes();
        if (modified.isEmpty()) {
            return Map.of();
        }
        io.smelt.compiler.lineage.ProjectLineage lineage = lineage();
        if (lineage == null) {
            return Map.of();
        }
        return io.smelt.compiler.lineage.ChangedColumns.of(lineage, modified.keySet(),
                id -> previousRun.manifest().node(id), id -> graph.contains(id) ? graph.node(id).name() : id);
    }

    /**
     * The nodes whose relation a ref read from the comparison run under {@code --defer} so far (the
     * relation as rendered), by unique id in order.
     */
    public Map<String, String> deferredReads() {
        Map<String, String> reads = new LinkedHashMap<>();
        Deferral deferral = project.deferral();
        deferral.readIds().forEach(id -> reads.put(id, project.adapter().render(deferral.relation(id))));
        return reads;
    }

    /** The comparison flags the command was given. */
    public StateOptions stateOptions() {
        return state;
    }

    /** The run {@code --state} names, or null. */
    public PreviousRun previousRun() {
        return previousRun;
    }

    /** The run {@code --defer} reads ({@code --defer-state}, else {@code --state}), or null. */
    public PreviousRun deferRun() {
        return deferRun;
    }

    public Manifest manifest() {
        return project.manifest();
    }

    public Path projectDir() {
        return project.projectDir();
    }

    public Path targetPath() {
        return project.targetPath();
    }

    /** The dependency graph of the enabled nodes. */
    public DependencyGraph graph() {
        return graph;
    }

    /** The nodes a selection picks, in DAG order. */
    public List<Node> select(Selection selection) {
        return selector.selectNodes(selection);
    }

    /** As {@link #select}, also giving the warnings to show (selectors that matched nothing). */
    public List<Node> select(Selection selection, RunListener listener) {
        NodeSelector.Result result = selector.select(selection);
        if (result.note() != null) {
            listener.message(RunListener.Level.INFO, result.note());
        }
        result.warnings().forEach(warning -> listener.message(RunListener.Level.WARN, warning));
        return graph.sortedNodes(result.uniqueIds());
    }

    /**
     * Why each selected node is selected, for {@code ls --explain}: what changed against {@code --state},
     * or which changed node a graph operator reached it from.
     */
    public Map<String, String> explain(List<Node> selected) {
        return SelectionReasons.explain(graph, selected, stateComparison());
    }

    /**
     * Runs parse, compile, run, seed, test, build or clone over the selection. {@code clone} creates
     * the relations of the run {@link #withState} named (dbt's clone reads it with or without {@code --defer}).
     *
     * @throws SmeltException for clone without {@code --state} (exit 2)
     */
    public RunSummary execute(Invocation invocation, RunListener listener) {
        prepare(invocation);
        return invoker().execute(invocation, listener);
    }

    /**
     * Runs the command over exactly these nodes, not its selection, as {@code retry} does; nodes no
     * longer in the project are left out with a warning.
     */
    public RunSummary execute(Invocation invocation, Collection<String> uniqueIds, RunListener listener) {
        prepare(invocation);
        return invoker().execute(invocation, requireNonNull(uniqueIds, "uniqueIds is null"), listener);
    }

    private void prepare(Invocation invocation) {
        if (invocation.command() == Command.CLONE) {
            if (deferRun == null) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, "clone needs the artifacts of the run whose relations it clones",
                        "add --state DIR, the folder holding that run's manifest.json (often a copy of production's target/)");
            }
            project.deferTo(Deferral.of(deferRun.manifest(), state.defer(), state.favorState()));
        }
    }

    private Invoker invoker() {
        return new Invoker(project, graph, selector).recording(RecordedArgs.of(options, project.cliVars(), state)).sqlCheck(sqlCheck);
    }

    /** Previews rows of one selected model, or of an inline query when {@code inlineSql} is set. */
    public QueryResult show(Selection selection, String inlineSql, int limit, RunListener listener) {
        return new Invoker(project, graph, selector).show(selection, inlineSql, limit, listener);
    }

    /** Compiles SQL given on the command line in the project's context, as {@code compile --inline}; returns the compiled SQL. */
    public String compileInline(String sql, RunListener listener) {
        return new Invoker(project, graph, selector).compileInline(sql, listener);
    }

    /** Calls a macro with arguments, as {@code run-operation}; returns its return value or output. */
    public Object runOperation(String macroName, Map<String, Object> args, RunListener listener) {
        return invoker().runOperation(macroName, args, listener);
    }

    /**
     * Writes {@code catalog.json} into {@code targetDir} as {@code docs generate} does, from the
     * engine's catalog; see {@link io.smelt.compiler.catalog.CatalogGenerator}.
     *
     * @param selectedIds the unique ids {@code --select} picked, or null for every node and source
     * @param empty {@code --empty-catalog}: no relations, the engine is not asked
     */
    public io.smelt.compiler.catalog.CatalogGenerator.Result writeCatalog(java.util.Set<String> selectedIds, boolean empty,
            Path targetDir, RunListener listener) {
        return new io.smelt.compiler.catalog.CatalogGenerator(project).write(selectedIds, empty, targetDir, listener);
    }

    /** This invocation's id, as the artifacts record it. */
    public String invocationId() {
        return project.invocationId();
    }

    /** The engine's type, as the profile names it. */
    /** What the project's engine can do. */
    public io.smelt.adapter.Capabilities capabilities() {
        return project.adapter().capabilities();
    }

    public String adapterType() {
        return project.adapter().type();
    }

    /** The OpenLineage namespace of the target's datasets ({@code trino://host:port}). */
    public String openLineageNamespace() {
        return project.adapter().openLineageNamespace();
    }

    /** The profile target's name ({@code dev}). */
    public String targetName() {
        return String.valueOf(project.target().get("name"));
    }

    /** Nodes run at once. */
    public int threads() {
        return project.adapter().threads();
    }

    /**
     * The rendered relation of the enabled model, seed or source with this name (for a source,
     * {@code source_name.table_name}), or of the data test with this name (where it stores its failing
     * rows, whether or not it does), or null when there is none.
     */
    public String relationName(String name) {
        for (Node node : project.manifest().nodes().values()) {
            String key = node.resourceType() == io.smelt.compiler.graph.ResourceType.SOURCE
                    ? node.sourceName() + "." + node.name() : node.name();
            boolean relation = node.hasRelation() || node.resourceType() == io.smelt.compiler.graph.ResourceType.TEST;
            if (key.equals(name) && relation) {
                return project.adapter().render(project.relationOf(node));
            }
        }
        return null;
    }

    /** Opens a session on the target's engine, for callers that read results back. */
    public Session openSession() {
        return project.adapter().openSession();
    }

    @Override
    public void close() {
        project.adapter().close();
    }

    private static Map<String, Path> packageDirs(LoadedProject project) {
        Path root = project.projectDir();
        Map<String, Path> dirs = new java.util.HashMap<>();
        for (DbtProject pkg : project.packages().values()) {
            Path dir = pkg.projectDir().toAbsolutePath().normalize();
            if (dir.startsWith(root) && !dir.equals(root)) {
                dirs.put(pkg.name(), root.relativize(dir));
            }
        }
        return dirs;
    }
}
