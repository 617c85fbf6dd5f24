package io.smelt.compiler.run;

import io.smelt.compiler.graph.DependencyGraph;

import java.util.Map;

/** Writes target/manifest.json and target/run_results.json after an invocation. */
final class Artifacts {
    private Artifacts() {
    }

    static void write(LoadedProject project, DependencyGraph graph, RunSummary summary, Map<String, String> compiledCode) {
    }
}
