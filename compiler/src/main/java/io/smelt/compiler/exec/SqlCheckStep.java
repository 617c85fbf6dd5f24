package io.smelt.compiler.exec;

import io.smelt.adapter.Column;
import io.smelt.adapter.Session;
import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.check.CatalogCache;
import io.smelt.compiler.check.ProjectAnalysis;
import io.smelt.compiler.check.WarehouseColumns;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SQL check before a command runs anything: analyses the project (see {@link ProjectAnalysis}),
 * says how much was analysed, and when a selected model has a finding, stops the command: each such
 * model is an error of kind {@link ErrorKind#SQL} (exit 2) at its file's line and column, every other
 * selected node is skipped, and the CI reports, run_results.json and {@code retry} see them as for
 * any run. The warehouse is only read, for the columns of sources.
 */
public final class SqlCheckStep {
    private SqlCheckStep() {
    }

    /** Analyses the project, reading sources' columns over one session of the project's adapter. */
    public static ProjectAnalysis.Result analyse(LoadedProject project, DependencyGraph graph) {
        return analyse(project, graph, null);
    }

    /** @param scope the selected nodes: models outside them and their parents are not analysed; null for all */
    static ProjectAnalysis.Result analyse(LoadedProject project, DependencyGraph graph, java.util.Set<String> scope) {
        ProjectAnalysis.Result result;
        CatalogCache catalog = CatalogCache.load(project.targetPath());
        try (LazySession session = new LazySession(project)) {
            WarehouseColumns live = columnsOver(session);
            result = ProjectAnalysis.analyse(project, graph, catalog.over(live), scope);
            if (result != null && !result.findings().isEmpty() && catalog.servedStored()) {
                // a finding may come from a cached catalog answer: only fresh ones may stop a run
                result = ProjectAnalysis.analyse(project, graph, catalog.fresh(live), scope);
            }
        }
        catalog.save();
        if (result != null) {
            project.sqlFingerprints(result.fingerprints());
            project.sqlAnalyses(result.byNode());
        }
        return result;
    }

    /**
     * The results of a run the check stopped, or null when it found nothing in the selected nodes.
     *
     * @param onAnalysis given the project's analysis (null when Smelt reads no SQL of this engine), for the manifest's lineage
     */
    static List<NodeResult> check(LoadedProject project, DependencyGraph graph, List<Node> selected, RunListener listener,
            Consumer<ProjectAnalysis.Result> onAnalysis) {
        long t0 = System.nanoTime();
        java.util.Set<String> scope = new java.util.HashSet<>();
        selected.forEach(node -> scope.add(node.uniqueId()));
        boolean everyModel = graph.topologicalOrder().stream()
                .allMatch(id -> graph.node(id).resourceType() != io.smelt.compiler.graph.ResourceType.MODEL || scope.contains(id));
        ProjectAnalysis.Result result = analyse(project, graph, everyModel ? null : scope);
        onAnalysis.accept(result);
        String took = String.format(java.util.Locale.ROOT, " in %.2fs", (System.nanoTime() - t0) / 1e9);
        if (result == null) {
            listener.message(RunListener.Level.DEBUG, "SQL check: Smelt reads no SQL dialect of " + project.adapter().type());
            return null;
        }
        List<Diagnostic> findings = new ArrayList<>();
        long models = 0;
        long analysed = 0;
        for (Node node : selected) {
            var analysis = result.byNode().get(node.uniqueId());
            if (analysis == null) {
                continue;
            }
            models++;
            if (analysis.status() != io.smelt.compiler.analysis.Analysis.Status.NOT_ANALYSED) {
                analysed++;
            } else {
                listener.message(RunListener.Level.DEBUG, "SQL check: " + node.name() + " not analysed: " + analysis.reason());
            }
            Diagnostic finding = result.findings().get(node.uniqueId());
            if (finding != null) {
                findings.add(finding);
            }
        }
        if (models > 0) {
            listener.message(RunListener.Level.INFO, "SQL check: " + analysed + " of " + models + " models analysed" + took
                    + (analysed < models ? " (" + (models - analysed) + " not analysed; --debug says why)" : ""));
        }
        if (findings.isEmpty()) {
            return null;
        }
        List<NodeResult> results = new ArrayList<>();
        Instant now = Instant.now();
        int index = 0;
        for (Node node : selected) {
            index++;
            Diagnostic finding = result.findings().get(node.uniqueId());
            NodeResult r = finding == null
                    ? new NodeResult(node, index, selected.size(), NodeStatus.SKIPPED, "skipped: the SQL check stopped the run",
                            0, now, Duration.ZERO, null, null, null, Map.of(), null)
                    : new NodeResult(node, index, selected.size(), NodeStatus.ERROR, finding.message()
                            + (finding.hint() == null ? "" : "\n  hint: " + finding.hint()), 0, now, Duration.ZERO, null, null,
                            finding.at(), Map.of(), ErrorKind.SQL);
            listener.nodeFinished(r);
            results.add(r);
        }
        return results;
    }

    /** A session opened on the first question: a project whose models read only seeds and models asks none. */
    private static final class LazySession implements AutoCloseable {
        private final LoadedProject project;
        private Session session;
        private final Map<String, java.util.Optional<java.util.Set<String>>> listed = new java.util.HashMap<>();

        LazySession(LoadedProject project) {
            this.project = project;
        }

        synchronized List<Column> columns(io.smelt.adapter.Relation relation) {
            if (session == null) {
                session = project.adapter().openSession();
            }
            // one listing per schema answers "not there" for every relation a first build has not made
            // yet (each incremental model's own table), instead of one catalog query per relation
            java.util.Set<String> names = relation.schema() == null ? null : listed.computeIfAbsent(relation.database() + "|" + relation.schema(),
                    k -> list(relation)).orElse(null);
            if (names != null && !names.contains(relation.identifier().toLowerCase(java.util.Locale.ROOT))) {
                return List.of();
            }
            return session.columns(relation);
        }

        /** The schema's relation names in lower case, or empty when the engine could not list them. */
        private java.util.Optional<java.util.Set<String>> list(io.smelt.adapter.Relation relation) {
            try {
                java.util.Set<String> names = new java.util.HashSet<>();
                session.listRelations(relation.database(), relation.schema())
                        .forEach(r -> names.add(r.identifier().toLowerCase(java.util.Locale.ROOT)));
                return java.util.Optional.of(names);
            }
            catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }

        @Override
        public synchronized void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    private static WarehouseColumns columnsOver(LazySession session) {
        return relation -> {
            List<Column> columns;
            synchronized (session) {
                try {
                    columns = session.columns(relation);
                }
                catch (RuntimeException e) {
                    return null;
                }
            }
            return columns == null ? null : columns.stream().map(c -> new ColumnType(c.name(), c.dataType())).toList();
        };
    }

}
