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
import io.smelt.compiler.project.YamlRenderer;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.state.Deferral;
import io.smelt.compiler.state.PreviousRun;
import io.smelt.compiler.state.StateOptions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded project: its manifest, its target's adapter and the commands that act on them. The one
 * entry point the CLI uses.
 */
public final class Workspace implements AutoCloseable {
    private final LoadedProject project;
    private final DependencyGraph graph;
    private final NodeSelector selector;
    private StateOptions state = StateOptions.NONE;
    private PreviousRun previousRun;
    private PreviousRun deferRun;

    private Workspace(LoadedProject project) {
        this.project = project;
        this.graph = DependencyGraph.of(project.manifest().nodes().values());
        this.selector = new NodeSelector(graph, project.rootPackage(), packageDirs(project),
                project.manifest().exposures().values())
                .withSelectors(SelectorsFile.read(project.projectDir(), YamlRenderer.NONE));
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
            return new Workspace(project);
        }
        catch (RuntimeException e) {
            project.adapter().close();
            throw e;
        }
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
    public Workspace withState(StateOptions options) {
        this.state = options == null ? StateOptions.NONE : options;
        this.previousRun = state.stateDir() == null ? null : PreviousRun.of(state.stateDir(), "--state");
        this.deferRun = state.deferStateDir() == null ? previousRun : PreviousRun.of(state.deferStateDir(), "--defer-state");
        if (state.defer() && deferRun == null) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "--defer needs the artifacts of the run to defer to",
                    "add --state DIR (or --defer-state DIR), the folder holding that run's manifest.json");
        }
        // read now, so a folder without a manifest is refused before anything runs
        project.deferTo(state.defer() ? Deferral.of(deferRun.manifest(), true, state.favorState()) : Deferral.NONE);
        return this;
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
        result.warnings().forEach(warning -> listener.message(RunListener.Level.WARN, warning));
        return graph.sortedNodes(result.uniqueIds());
    }

    /**
     * Runs parse, compile, run, seed, test, build or clone over the selection. {@code clone} creates
     * the relations of the run {@link #withState} named (dbt's clone reads it with or without {@code --defer}).
     *
     * @throws SmeltException for clone without {@code --state} (exit 2)
     */
    public RunSummary execute(Invocation invocation, RunListener listener) {
        if (invocation.command() == Command.CLONE) {
            if (deferRun == null) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, "clone needs the artifacts of the run whose relations it clones",
                        "add --state DIR, the folder holding that run's manifest.json (often a copy of production's target/)");
            }
            project.deferTo(Deferral.of(deferRun.manifest(), state.defer(), state.favorState()));
        }
        return new Invoker(project, graph, selector).execute(invocation, listener);
    }

    /** Previews rows of one selected model, or of an inline query when {@code inlineSql} is set. */
    public QueryResult show(Selection selection, String inlineSql, int limit, RunListener listener) {
        return new Invoker(project, graph, selector).show(selection, inlineSql, limit, listener);
    }

    /** Calls a macro with arguments, as {@code run-operation}; returns its return value or output. */
    public Object runOperation(String macroName, Map<String, Object> args, RunListener listener) {
        return new Invoker(project, graph, selector).runOperation(macroName, args, listener);
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
