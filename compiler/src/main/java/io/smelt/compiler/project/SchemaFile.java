package io.smelt.compiler.project;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One properties (schema.yml) file.
 *
 * @param path the file relative to its package root
 * @param version {@code version:}, or null when absent
 * @param unitTests the entries under {@code unit_tests:}
 * @param exposures the entries under {@code exposures:}
 * @param ignoredSections top-level sections read but not used yet ({@code metrics},
 *     {@code semantic_models}, ...)
 */
public record SchemaFile(
        Path path,
        Integer version,
        List<NodeProperties> models,
        List<NodeProperties> seeds,
        List<NodeProperties> snapshots,
        List<NodeProperties> analyses,
        List<MacroProperties> macros,
        List<SourceProperties> sources,
        List<io.smelt.compiler.graph.UnitTestSpec> unitTests,
        List<ExposureProperties> exposures,
        List<String> ignoredSections,
        List<YamlWarning> warnings) {
    public SchemaFile {
        requireNonNull(path, "path is null");
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        snapshots = List.copyOf(snapshots);
        analyses = List.copyOf(analyses);
        macros = List.copyOf(macros);
        sources = List.copyOf(sources);
        unitTests = List.copyOf(unitTests);
        exposures = List.copyOf(exposures);
        ignoredSections = List.copyOf(ignoredSections);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return models.isEmpty() && seeds.isEmpty() && snapshots.isEmpty() && analyses.isEmpty() && macros.isEmpty()
                && sources.isEmpty() && unitTests.isEmpty() && exposures.isEmpty();
    }
}
