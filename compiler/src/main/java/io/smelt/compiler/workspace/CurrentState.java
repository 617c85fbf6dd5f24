package io.smelt.compiler.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.artifact.ArtifactMetadata;
import io.smelt.compiler.artifact.ManifestWriter;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.project.Vars;
import io.smelt.compiler.state.PreviousRun;
import io.smelt.compiler.state.StateComparison;
import io.smelt.compiler.state.StateManifest;
import io.smelt.compiler.state.StateSidecar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * This project as the manifest and smelt_state.json it would write, so that it compares with a previous
 * run's files field by field, whether Smelt or dbt wrote them.
 */
final class CurrentState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CurrentState() {
    }

    static StateComparison compareWith(LoadedProject project, PreviousRun previous) {
        StateManifest before = previous.manifest();
        StateSidecar previousVars = previous.sidecar();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestWriter(project.manifest(), ArtifactMetadata.of(project.invocationId(), Instant.now(), Map.of())).writeTo(out);
        JsonNode json;
        try {
            json = JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StateManifest now = StateManifest.of(json, Path.of("(this project)"));
        Vars vars = Vars.of(Map.of(), project.root(), project.packages().values());
        StateSidecar currentVars = StateSidecar.of(project.manifest(), vars::forPackage);
        Set<String> packages = new HashSet<>(project.packages().keySet());
        packages.add(project.root().name());
        return new StateComparison(now, currentVars, before, previousVars, packages)
                .withSqlFingerprints(id -> {
                    io.smelt.compiler.graph.Node node = project.manifest().nodes().get(id);
                    return node == null ? null : io.smelt.compiler.check.ProjectAnalysis.fingerprintOf(project, node);
                })
                .withConstraintSupport(project.adapter()::constraintSupport);
    }
}
