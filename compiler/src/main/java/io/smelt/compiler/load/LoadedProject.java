package io.smelt.compiler.load;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.diag.WarnErrorOptions;
import io.smelt.compiler.result.RunListener;
import io.smelt.adapter.Adapter;
import io.smelt.adapter.Relation;
import io.smelt.adapter.TargetConfig;
import io.smelt.compiler.artifact.FlatGraph;
import io.smelt.compiler.context.ContextHost;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.RefResolver;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.Template;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.YamlRenderer;
import io.smelt.compiler.state.Deferral;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A parsed, linked project bound to its target's engine: everything an invocation needs and the
 * context templates are rendered in. Immutable but for the current invocation's flags and listener.
 */
public final class LoadedProject implements ContextHost {
    /** How var() is answered: the value for a package and name, or {@link #NO_VAR}. */
    static final Object NO_VAR = new Object();

    private final DbtProject root;
    private final Map<String, DbtProject> packages;
    private final JinjaEngine engine;
    private final Adapter adapter;
    private final TargetConfig target;
    private final Manifest manifest;
    private final Map<String, Template> templates;
    private final Map<String, String> parseSql;
    private final Map<String, SmeltException> missingVars;
    private final Map<String, Path> seedFiles;
    private final BiFunction<String, String, Object> vars;
    private final Map<String, String> environment;
    private final Map<String, Object> cliVars;
    private final Map<String, Object> targetObject;
    private final RefResolver refs;
    private final String invocationId;
    private final String runStartedAt = Instant.now().toString();
    private volatile Map<String, Object> graph;
    private volatile RunListener listener = RunListener.NONE;
    private volatile List<String> selected = List.of();
    private volatile Set<String> selectedSet = Set.of();
    private volatile Deferral deferral = Deferral.NONE;
    private volatile Map<String, String> sqlFingerprints = Map.of();
    private volatile Map<String, io.smelt.compiler.analysis.Analysis> sqlAnalyses;
    private volatile Map<String, Object> flags = Map.of();
    private volatile WarnErrorOptions warnErrors = WarnErrorOptions.NONE;

    LoadedProject(DbtProject root, Map<String, DbtProject> packages, JinjaEngine engine, Adapter adapter, TargetConfig target,
            Manifest manifest, Map<String, Template> templates, Map<String, String> parseSql, Map<String, SmeltException> missingVars, Map<String, Path> seedFiles,
            BiFunction<String, String, Object> vars, Map<String, Object> cliVars, Map<String, String> environment,
            String invocationId) {
        this.cliVars = cliVars;
        this.invocationId = invocationId;
        this.root = root;
        this.packages = packages;
        this.engine = engine;
        this.adapter = adapter;
        this.target = target;
        this.manifest = manifest;
        this.templates = templates;
        this.parseSql = parseSql;
        this.missingVars = missingVars;
        this.seedFiles = seedFiles;
        this.vars = vars;
        this.environment = environment;
        this.targetObject = targetObject(target, adapter);
        List<Node> all = new ArrayList<>(manifest.nodes().values());
        all.addAll(manifest.disabled().values());
        this.refs = RefResolver.of(all, root.name());
    }

    static Map<String, Object> targetObject(TargetConfig target, Adapter adapter) {
        Map<String, Object> object = new LinkedHashMap<>();
        target.fields().forEach((key, value) -> {
            if (value == null || !target.secretValues().contains(String.valueOf(value))) {
                object.put(key, value);
            }
        });
        object.put("name", target.targetName());
        object.put("target_name", target.targetName());
        object.put("profile_name", target.profileName());
        object.put("type", adapter.type());
        object.put("schema", adapter.defaultSchema());
        object.put("database", adapter.defaultDatabase());
        object.put("threads", adapter.threads());
        return object;
    }

    public DbtProject root() {
        return root;
    }

    public Map<String, DbtProject> packages() {
        return packages;
    }

    public Manifest manifest() {
        return manifest;
    }

    TargetConfig targetConfig() {
        return target;
    }

    public Path projectDir() {
        return root.projectDir().toAbsolutePath();
    }

    public Path targetPath() {
        return root.targetDir().toAbsolutePath();
    }

    public Template template(Node node) {
        Template template = templates.get(node.uniqueId());
        if (template == null) {
            throw new IllegalStateException("no template for " + node.uniqueId());
        }
        return template;
    }

    /** What a model's template rendered to while parsing ({@code execute} false), or null. */
    /** The first var defined nowhere that the node's template read while parsing, or null. */
    public SmeltException missingVar(Node node) {
        return missingVars.get(node.uniqueId());
    }

    public String parseSql(Node node) {
        return parseSql.get(node.uniqueId());
    }

    public Path seedFile(Node node) {
        return seedFiles.get(node.uniqueId());
    }

    public void invocation(RunListener newListener, List<String> selectedIds, Map<String, Object> newFlags, WarnErrorOptions newWarnErrors) {
        this.warnErrors = newWarnErrors;
        this.listener = newListener;
        this.selected = List.copyOf(selectedIds);
        this.selectedSet = Set.copyOf(selectedIds);
        this.flags = Map.copyOf(newFlags);
    }

    @Override
    public JinjaEngine engine() {
        return engine;
    }

    @Override
    public Adapter adapter() {
        return adapter;
    }

    @Override
    public String rootPackage() {
        return root.name();
    }

    @Override
    public Map<String, Object> target() {
        return targetObject;
    }

    /**
     * Renders Jinja in the root project's YAML files as dbt renders dbt_project.yml and selectors.yml:
     * {@code env_var()}, {@code var()} of {@code --vars} and {@code target}.
     */
    public YamlRenderer projectYamlRenderer() {
        return YamlRenderers.of(cliVars, environment, targetObject);
    }

    @Override
    public Map<String, DbtProject> projects() {
        return packages;
    }

    @Override
    public Map<String, Object> cliVars() {
        return cliVars;
    }

    @Override
    public Object var(String packageName, String name) {
        return vars.apply(packageName, name);
    }

    @Override
    public boolean hasVar(String packageName, String name) {
        return vars.apply(packageName, name) != NO_VAR;
    }

    @Override
    public String envVar(String name) {
        return environment.get(name);
    }

    @Override
    public Node resolveRef(Node from, String packageName, String name, String version) {
        RefResolver.Resolution resolved = refs.ref(packageOf(from), packageName, name, version);
        if (resolved.outcome() == RefResolver.Outcome.AMBIGUOUS) {
            throw ambiguous(from, "ref('" + name + "')", resolved, RefResolver.ambiguityHint(name, resolved));
        }
        return resolved.found();
    }

    @Override
    public Node resolveSource(Node from, String sourceName, String tableName) {
        RefResolver.Resolution resolved = refs.source(packageOf(from), sourceName, tableName);
        if (resolved.outcome() == RefResolver.Outcome.AMBIGUOUS) {
            throw ambiguous(from, "source('" + sourceName + "', '" + tableName + "')", resolved,
                    "declare the source in only one package");
        }
        return resolved.found();
    }

    private String packageOf(Node from) {
        return from == null ? root.name() : from.packageName();
    }

    /** The linker reports the refs it saw; this one was only seen at run time (an operation's, or under {% if execute %}). */
    private static SmeltException ambiguous(Node from, String call, RefResolver.Resolution resolved, String hint) {
        Path file = JinjaEngine.currentFile();
        SourcePosition at = file != null ? SourcePosition.of(file, JinjaEngine.currentLine()) : from == null ? null : from.definedAt();
        return new SmeltException(ErrorKind.GRAPH, at, call + " names nodes in several packages: " + resolved.candidateIds(), hint);
    }

    @Override
    public Relation relationOf(Node node) {
        return new Relation(node.database(), node.schema(), node.alias() == null ? node.name() : node.alias(), null);
    }

    @Override
    public Map<String, Object> graph() {
        Map<String, Object> built = graph;
        if (built == null) {
            built = FlatGraph.of(manifest, node -> node.hasRelation() ? adapter.render(relationOf(node)) : null, deferral::entry);
            graph = built;
        }
        return built;
    }

    @Override
    public List<String> selectedResources() {
        return selected;
    }

    @Override
    public boolean selected(String uniqueId) {
        return selectedSet.contains(uniqueId);
    }

    /** Sets the comparison run's relations that the next invocations read ({@code --defer}, {@code clone}). */
    public void deferTo(Deferral newDeferral) {
        this.deferral = newDeferral == null ? Deferral.NONE : newDeferral;
        // graph's nodes carry their defer_relation
        this.graph = null;
    }

    /** Records the SQL fingerprints the SQL check computed (written into smelt_state.json). */
    public void sqlFingerprints(Map<String, String> fingerprints) {
        this.sqlFingerprints = Map.copyOf(fingerprints);
    }

    /** Each model's SQL fingerprint by unique id, when the SQL check ran in this process; else empty. */
    public Map<String, String> sqlFingerprints() {
        return sqlFingerprints;
    }

    /** Records each model's analysis by unique id, as the SQL analysis last made it in this process. */
    public void sqlAnalyses(Map<String, io.smelt.compiler.analysis.Analysis> analyses) {
        this.sqlAnalyses = Map.copyOf(analyses);
    }

    /** Each model's analysis by unique id from the last SQL analysis in this process, or null when none ran. */
    public Map<String, io.smelt.compiler.analysis.Analysis> sqlAnalyses() {
        return sqlAnalyses;
    }

    @Override
    public Deferral deferral() {
        return deferral;
    }

    @Override
    public Map<String, Object> flags() {
        return flags;
    }

    @Override
    public String invocationId() {
        return invocationId;
    }

    @Override
    public String runStartedAt() {
        return runStartedAt;
    }

    @Override
    public RunListener listener() {
        return listener;
    }

    @Override
    public WarnErrorOptions warnErrors() {
        return warnErrors;
    }

    public Map<String, String> environment() {
        return environment;
    }
}
