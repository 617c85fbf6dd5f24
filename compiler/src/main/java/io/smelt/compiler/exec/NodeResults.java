package io.smelt.compiler.exec;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.StoreFailures;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Makes the {@link NodeResult} of a node run: its relation, its compiled file and its timing. */
final class NodeResults {
    private final LoadedProject project;

    NodeResults(LoadedProject project) {
        this.project = project;
    }

    /**
     * A node that ran to the end, whatever its status.
     *
     * @param compiledPath the node's {@code target/compiled} file, or null
     */
    NodeResult finished(NodeRun run, NodeStatus status, String message, long failures, Path compiledPath,
            Map<String, Object> response) {
        return new NodeResult(run.node(), run.index(), run.total(), status, message, failures, run.startedAt(), run.elapsed(),
                relationName(run.node()), relative(compiledPath), null, response);
    }

    /** A model or snapshot the materializer built; what it executed goes to {@code target/run}. */
    NodeResult built(NodeRun run, CompiledNode compiled, Materializer.Outcome outcome) {
        NodeCompiler.write(project.targetPath().resolve("run"), run.node(), outcome.executedSql().strip());
        return finished(run, NodeStatus.SUCCESS, outcome.message(), 0, compiled.path(),
                response(outcome.message(), outcome.rowsAffected()));
    }

    /**
     * A node that errored.
     *
     * @param at where in the user's files, or null
     * @param kind the kind of Smelt error, which decides the exit code, or null for a plain failure
     */
    NodeResult error(NodeRun run, String message, Path compiledPath, SourcePosition at, ErrorKind kind) {
        return new NodeResult(run.node(), run.index(), run.total(), NodeStatus.ERROR, message, 0, run.startedAt(), run.elapsed(),
                relationName(run.node()), relative(compiledPath), at, Map.of("_message", message), kind);
    }

    /** The adapter response of run_results.json: the message, its first word as the code, and the rows when known. */
    static Map<String, Object> response(String message, long rows) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", message);
        response.put("code", message.split(" ")[0]);
        if (rows >= 0) {
            response.put("rows_affected", rows);
        }
        return response;
    }

    private Path relative(Path compiledPath) {
        return compiledPath == null ? null : project.projectDir().relativize(compiledPath.toAbsolutePath());
    }

    private String relationName(Node node) {
        boolean relation = node.hasRelation() || StoreFailures.storedAs(node, project.flags()) != null;
        return relation ? project.adapter().render(project.relationOf(node)) : null;
    }
}
