package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.FreshnessThreshold;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One table of a source.
 *
 * @param identifier the table's name in the database, rendered; the table's name when not given
 * @param loadedAtField {@code loaded_at_field}, or null to use the source's
 * @param loadedAtQuery {@code loaded_at_query}, or null
 * @param freshness {@code freshness:} (its {@code config:} may hold another): {@link FreshnessThreshold#EMPTY} when
 *     not written, null when written as null
 * @param external {@code external:} as written, or an empty map
 */
public record SourceTableProperties(
        String name,
        String identifier,
        String description,
        List<ColumnProperties> columns,
        List<TestSpec> tests,
        Map<String, Object> meta,
        List<String> tags,
        Map<String, Object> config,
        Map<String, Object> quoting,
        FreshnessThreshold freshness,
        String loadedAtField,
        String loadedAtQuery,
        Map<String, Object> external,
        SourcePosition at) {
    public SourceTableProperties {
        requireNonNull(name, "name is null");
        identifier = identifier == null ? name : identifier;
        description = description == null ? "" : description;
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
        meta = PlainValues.freezeMap(meta);
        tags = List.copyOf(tags);
        config = PlainValues.freezeMap(config);
        quoting = PlainValues.freezeMap(quoting);
        external = PlainValues.freezeMap(external);
    }
}
