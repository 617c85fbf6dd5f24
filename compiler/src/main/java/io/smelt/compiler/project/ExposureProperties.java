package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * An {@code exposures:} entry: a dashboard, notebook, analysis, ML model or application that reads the
 * project's nodes, as dbt's {@code UnparsedExposure}.
 *
 * @param type dashboard, notebook, analysis, ml or application
 * @param owner {@code owner:} ({@code name}, {@code email}, ...)
 * @param dependsOn the {@code depends_on:} entries as written: {@code ref('x')}, {@code source('s', 't')}
 * @param dependsOnAt where each {@code depends_on:} entry stands
 */
public record ExposureProperties(
        String name,
        String description,
        String label,
        String type,
        Map<String, Object> owner,
        String maturity,
        String url,
        Map<String, Object> meta,
        List<String> tags,
        Map<String, Object> config,
        List<String> dependsOn,
        List<SourcePosition> dependsOnAt,
        SourcePosition at) {
    public ExposureProperties {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        owner = PlainValues.freezeMap(owner);
        meta = PlainValues.freezeMap(meta);
        tags = List.copyOf(tags);
        config = PlainValues.freezeMap(config);
        dependsOn = List.copyOf(dependsOn);
        dependsOnAt = List.copyOf(dependsOnAt);
    }
}
