package io.smelt.compiler.exec;

import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.graph.StoreFailures;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.project.Vars;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.state.StateSidecar;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.artifact.ArtifactMetadata;
import io.smelt.compiler.artifact.ManifestWriter;
import io.smelt.compiler.artifact.RunResultsWriter;
import io.smelt.compiler.artifact.SourcesWriter;
import io.smelt.compiler.result.SourceFreshness;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes target/manifest.json and, after a command that ran nodes, target/run_results.json, or
 * sources.json after {@code source freshness}.
 */
public final class Artifacts {
    private Artifacts() {
    }

    static void write(LoadedProject project, RunSummary summary, Map<String, String> compiledCode, Map<String, String> threadIds,
            Instant startedAt, Map<String, Object> args) {
        write(project, summary, compiledCode, threadIds, startedAt, args, Map.of());
    }

    /** @param lineage each analysed model's column lineage by unique id, for the manifest */
    static void write(LoadedProject project, RunSummary summary, Map<String, String> compiledCode, Map<String, String> threadIds,
            Instant startedAt, Map<String, Object> args, Map<String, Map<String, List<ColumnOrigin>>> lineage) {
        ArtifactMetadata meta = writeManifest(project, compiledCode, startedAt, lineage);
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

    /** @param output where sources.json goes, or null for {@code target/sources.json} */
    static void writeSources(LoadedProject project, RunSummary summary, Map<String, SourceFreshness> measured,
            Map<String, String> threadIds, Instant startedAt, Path output) {
        ArtifactMetadata meta = writeManifest(project, Map.of(), startedAt, Map.of());
        new SourcesWriter(summary, measured, threadIds, meta).write(output != null ? output : project.targetPath().resolve("sources.json"));
    }

    private static ArtifactMetadata writeManifest(LoadedProject project, Map<String, String> compiledCode, Instant startedAt,
            Map<String, Map<String, List<ColumnOrigin>>> lineage) {
        ArtifactMetadata meta = ArtifactMetadata.of(project.invocationId(), startedAt, project.environment());
        new ManifestWriter(project.manifest(), meta)
                .compiledCode(compiledCode)
                .relationNames(node -> node.hasRelation() || StoreFailures.storedAs(node, project.flags()) != null
                        ? project.adapter().render(project.relationOf(node)) : null)
                .deferRelations(project.deferral()::entry)
                .columnLineage(id -> lineage.getOrDefault(id, Map.of()))
                .write(project.targetPath().resolve("manifest.json"));
        io.smelt.compiler.diag.Phases.done("manifest.json");
        Vars projectVars = Vars.of(Map.of(), project.root(), project.packages().values());
        StateSidecar.of(project.manifest(), projectVars::forPackage).withSql(project.sqlFingerprints()).write(project.targetPath().resolve(StateSidecar.FILE_NAME));
        io.smelt.compiler.diag.Phases.done("smelt_state.json");
        return meta;
    }
}
