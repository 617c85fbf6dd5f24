package io.smelt.compiler.parse;

import io.smelt.compiler.graph.ModelVersions;
import io.smelt.compiler.project.ColumnProperties;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.project.NodeProperties;
import io.smelt.compiler.project.VersionProperties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of each version of a versioned model, as dbt derives them: the version's description
 * or the model's, its config merged over the model's (plus {@code version} and {@code latest_version}),
 * the model's columns it includes with its own columns over them, and its own tests or the model's.
 */
final class ModelVersionPatches {
    private ModelVersionPatches() {
    }

    static List<Properties.Patch> of(NodeProperties model, Path file) {
        Object latestWritten = model.other().get("latest_version");
        String latest = latestWritten != null ? ModelVersions.text(latestWritten) : greatest(model.versions());
        List<Properties.Patch> patches = new ArrayList<>();
        for (VersionProperties version : model.versions()) {
            String v = ModelVersions.text(version.v());
            Map<String, Object> config = ConfigResolver.merge(new LinkedHashMap<>(model.config()), version.config());
            config.put("version", version.v());
            config.put("latest_version", latestWritten != null ? latestWritten : latest);
            List<ColumnProperties> columns = new ArrayList<>();
            model.columns().stream().filter(c -> version.includes(c.name())).forEach(columns::add);
            for (ColumnProperties own : version.columns()) {
                columns.removeIf(c -> c.name().equals(own.name()));
                columns.add(own);
            }
            List<Properties.TestDef> tests = new ArrayList<>();
            PackageProperties.addTests(tests, version.tests() != null ? version.tests() : model.tests(), null);
            for (ColumnProperties column : columns) {
                PackageProperties.addTests(tests, column.tests(), column.name());
            }
            String fileName = version.definedIn() != null ? version.definedIn() : model.name() + "_v" + v;
            patches.add(new Properties.Patch(model.name(), version.description() != null ? version.description() : model.description(),
                    config, PackageProperties.columns(columns), tests, file, version.at(), null,
                    new Properties.Version(v, fileName, ModelVersions.sameVersion(v, latest)), PackageProperties.manifestFields(model.other())));
        }
        return patches;
    }

    private static String greatest(List<VersionProperties> versions) {
        String best = null;
        for (VersionProperties version : versions) {
            String v = ModelVersions.text(version.v());
            if (best == null || ModelVersions.compare(v, best) > 0) {
                best = v;
            }
        }
        return best;
    }
}
