package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One dbt_project.yml, read and rendered: the root project's or an installed package's.
 *
 * <p>Folder settings are as written (relative to {@code projectDir}); resolve them with
 * {@link #resolve(String)}. Config trees ({@code models:}, {@code seeds:}, ...) are kept as nested
 * maps for {@link ConfigResolver}; their {@code pre-hook}/{@code post-hook} values are not rendered.
 * {@code vars} are not rendered either: dbt renders a var's value when {@code var()} returns it.
 *
 * @param projectDir the folder holding dbt_project.yml
 * @param file dbt_project.yml as shown in messages (relative to the root project where possible)
 * @param configVersion {@code config-version}, or null when absent
 * @param profile the {@code profile:} to use, or null when absent
 * @param docsPaths where docs blocks live; by default every model, seed, snapshot, analysis and macro folder
 * @param configTrees resource key ({@code models}, {@code seeds}, {@code tests}, {@code data_tests},
 *     {@code snapshots}, {@code sources}, {@code analyses}, ...) to that key's tree, as written
 * @param onRunStart {@code on-run-start} hooks as raw Jinja
 * @param onRunEnd {@code on-run-end} hooks as raw Jinja
 * @param dispatch {@code dispatch:} macro namespace to package search order
 * @param queryComment {@code query-comment} as written (text or mapping, not rendered); null when
 *     absent, empty text when set to null (no comment)
 * @param positions where each top-level key was written (1-based)
 * @param warnings unknown keys and other things that were ignored
 * @param unrenderedConfigTrees the config trees with nothing rendered, as the file writes them: what
 *     {@code unrendered_config} records and {@code state:modified} compares
 */
public record DbtProject(
        Path projectDir,
        Path file,
        String name,
        String version,
        Integer configVersion,
        String profile,
        List<String> modelPaths,
        List<String> seedPaths,
        List<String> macroPaths,
        List<String> testPaths,
        List<String> snapshotPaths,
        List<String> analysisPaths,
        List<String> docsPaths,
        List<String> assetPaths,
        String targetPath,
        String logPath,
        String packagesInstallPath,
        List<String> cleanTargets,
        Map<String, Object> vars,
        Map<String, Map<String, Object>> configTrees,
        List<String> onRunStart,
        List<String> onRunEnd,
        List<String> requireDbtVersion,
        Map<String, List<String>> dispatch,
        Map<String, Object> quoting,
        Object queryComment,
        Map<String, Object> flags,
        Map<String, SourcePosition> positions,
        List<YamlWarning> warnings,
        Map<String, Map<String, Object>> unrenderedConfigTrees) {
    /** A project whose config trees hold no Jinja, so rendered and unrendered are the same. */
    public DbtProject(Path projectDir, Path file, String name, String version, Integer configVersion, String profile,
            List<String> modelPaths, List<String> seedPaths, List<String> macroPaths, List<String> testPaths,
            List<String> snapshotPaths, List<String> analysisPaths, List<String> docsPaths, List<String> assetPaths,
            String targetPath, String logPath, String packagesInstallPath, List<String> cleanTargets, Map<String, Object> vars,
            Map<String, Map<String, Object>> configTrees, List<String> onRunStart, List<String> onRunEnd,
            List<String> requireDbtVersion, Map<String, List<String>> dispatch, Map<String, Object> quoting, Object queryComment,
            Map<String, Object> flags, Map<String, SourcePosition> positions, List<YamlWarning> warnings) {
        this(projectDir, file, name, version, configVersion, profile, modelPaths, seedPaths, macroPaths, testPaths, snapshotPaths,
                analysisPaths, docsPaths, assetPaths, targetPath, logPath, packagesInstallPath, cleanTargets, vars, configTrees,
                onRunStart, onRunEnd, requireDbtVersion, dispatch, quoting, queryComment, flags, positions, warnings, configTrees);
    }

    public DbtProject {
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(file, "file is null");
        requireNonNull(name, "name is null");
        modelPaths = List.copyOf(modelPaths);
        seedPaths = List.copyOf(seedPaths);
        macroPaths = List.copyOf(macroPaths);
        testPaths = List.copyOf(testPaths);
        snapshotPaths = List.copyOf(snapshotPaths);
        analysisPaths = List.copyOf(analysisPaths);
        docsPaths = List.copyOf(docsPaths);
        assetPaths = List.copyOf(assetPaths);
        requireNonNull(targetPath, "targetPath is null");
        requireNonNull(logPath, "logPath is null");
        requireNonNull(packagesInstallPath, "packagesInstallPath is null");
        cleanTargets = List.copyOf(cleanTargets);
        vars = PlainValues.freezeMap(vars);
        Map<String, Map<String, Object>> trees = new LinkedHashMap<>();
        configTrees.forEach((key, tree) -> trees.put(key, PlainValues.freezeMap(tree)));
        configTrees = Collections.unmodifiableMap(trees);
        Map<String, Map<String, Object>> rawTrees = new LinkedHashMap<>();
        unrenderedConfigTrees.forEach((key, tree) -> rawTrees.put(key, PlainValues.freezeMap(tree)));
        unrenderedConfigTrees = Collections.unmodifiableMap(rawTrees);
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
        requireDbtVersion = List.copyOf(requireDbtVersion);
        Map<String, List<String>> order = new LinkedHashMap<>();
        dispatch.forEach((namespace, packages) -> order.put(namespace, List.copyOf(packages)));
        dispatch = Collections.unmodifiableMap(order);
        quoting = PlainValues.freezeMap(quoting);
        queryComment = PlainValues.freeze(queryComment);
        flags = PlainValues.freezeMap(flags);
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        warnings = List.copyOf(warnings);
    }

    /** The tree under a resource key such as {@code models}, or an empty map. */
    public Map<String, Object> configTree(String resourceKey) {
        return configTrees.getOrDefault(resourceKey, Map.of());
    }

    /** The tree under a resource key as written, nothing rendered, or an empty map. */
    public Map<String, Object> unrenderedConfigTree(String resourceKey) {
        return unrenderedConfigTrees.getOrDefault(resourceKey, Map.of());
    }

    /** A folder setting resolved against the project folder. */
    public Path resolve(String relativePath) {
        return projectDir.resolve(relativePath).normalize();
    }

    public Path targetDir() {
        return resolve(targetPath);
    }

    public Path packagesDir() {
        return resolve(packagesInstallPath);
    }

    /** Where a top-level key was written, or the file itself when the key is absent. */
    public SourcePosition positionOf(String key) {
        return positions.getOrDefault(key, SourcePosition.of(file));
    }
}
