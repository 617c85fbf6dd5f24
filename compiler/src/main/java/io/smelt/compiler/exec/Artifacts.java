package io.smelt.compiler.exec;

import io.smelt.compiler.graph.StoreFailures;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.artifact.ArtifactMetadata;
import io.smelt.compiler.artifact.ManifestWriter;
import io.smelt.compiler.artifact.RunResultsWriter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes target/manifest.json and, after a command that ran nodes, target/run_results.json. */
public final class Artifacts {
    private Artifacts() {
    }

    static void write(LoadedProject project, RunSummary summary, Map<String, String> compiledCode, Map<String, String> threadIds,
            Instant startedAt, Map<String, Object> args) {
        ArtifactMetadata meta = ArtifactMetadata.of(project.invocationId(), startedAt, project.environment());
        new ManifestWriter(project.manifest(), meta)
                .compiledCode(compiledCode)
                .relationNames(node -> node.hasRelation() || StoreFailures.storedAs(node, project.flags()) != null
                        ? project.adapter().render(project.relationOf(node)) : null)
                .deferRelations(project.deferral()::entry)
                .write(project.targetPath().resolve("manifest.json"));
        if (summary.command() != Command.PARSE) {
            Map<String, Object> invocationArgs = new LinkedHashMap<>(args);
            invocationArgs.put("which", summary.command().verb());
            new RunResultsWriter(summary, meta)
                    .args(invocationArgs)
                    .compiledCode(compiledCode)
                    .threadIds(threadIds)
                    .write(project.targetPath().resolve("run_results.json"));
        }
    }
}
