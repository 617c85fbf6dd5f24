package io.smelt.compiler.exec;

import io.smelt.adapter.Column;
import io.smelt.adapter.Session;
import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.check.ProjectAnalysis;
import io.smelt.compiler.check.WarehouseColumns;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.result.RunListener;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL check before a command runs anything: analyses the project (see {@link ProjectAnalysis}),
 * says how much was analysed, and stops the command with every finding in a selected model (exit 2).
 * The warehouse is only read, for the columns of sources.
 */
public final class SqlCheckStep {
    private SqlCheckStep() {
    }

    /** Analyses the project, reading sources' columns over one session of the project's adapter. */
    public static ProjectAnalysis.Result analyse(LoadedProject project, DependencyGraph graph) {
        try (Session session = project.adapter().openSession()) {
            return ProjectAnalysis.analyse(project, graph, columnsOver(session));
        }
    }

    static ProjectAnalysis.Result check(LoadedProject project, DependencyGraph graph, List<Node> selected, RunListener listener) {
        ProjectAnalysis.Result result = analyse(project, graph);
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
            listener.message(RunListener.Level.INFO, "SQL check: " + analysed + " of " + models + " models analysed"
                    + (analysed < models ? " (" + (models - analysed) + " not analysed; --debug says why)" : ""));
        }
        if (!findings.isEmpty()) {
            throw new SmeltException(findings);
        }
        return result;
    }

    private static WarehouseColumns columnsOver(Session session) {
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
