package io.smelt.compiler.exec;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.materialize.Scope;

import static java.util.Objects.requireNonNull;

/** What the resource runners of one invocation share. */
record RunnerContext(LoadedProject project, NodeCompiler compiler, Materializer materializer, CompiledCode compiledCode,
        NodeResults results) {
    RunnerContext {
        requireNonNull(project, "project is null");
        requireNonNull(compiler, "compiler is null");
        requireNonNull(materializer, "materializer is null");
        requireNonNull(compiledCode, "compiledCode is null");
        requireNonNull(results, "results is null");
    }

    static RunnerContext of(LoadedProject project) {
        return new RunnerContext(project, new NodeCompiler(project), new Materializer(project), new CompiledCode(),
                new NodeResults(project));
    }

    /** Compiles the node at execution time and records its SQL for the artifacts. */
    CompiledNode compile(Node node, Scope scope) {
        return compiledCode.record(compiler.compile(node, scope));
    }
}
