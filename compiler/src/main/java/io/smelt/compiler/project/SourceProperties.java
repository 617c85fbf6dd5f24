package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.FreshnessThreshold;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A {@code sources:} entry.
 *
 * @param database rendered; null when not given (the target's database applies)
 * @param schema rendered; the source's name when not given
 * @param loadedAtQuery {@code loaded_at_query}, or null
 * @param freshness {@code freshness:} (its {@code config:} may hold another): {@link FreshnessThreshold#EMPTY} when
 *     not written, null when written as null
 * @param overrides the package whose source this entry overrides, or null
 * @param unrenderedDatabase {@code database:} as written, Jinja unrendered; null when not given
 * @param unrenderedSchema {@code schema:} as written, Jinja unrendered; null when not given
 */
public record SourceProperties(
        String name,
        String description,
        String database,
        String schema,
        String loader,
        Map<String, Object> meta,
        List<String> tags,
        Map<String, Object> config,
        Map<String, Object> quoting,
        FreshnessThreshold freshness,
        String loadedAtField,
        String loadedAtQuery,
        String overrides,
        List<SourceTableProperties> tables,
        SourcePosition at,
        String unrenderedDatabase,
        String unrenderedSchema) {
    public SourceProperties {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        schema = schema == null ? name : schema;
        loader = loader == null ? "" : loader;
        meta = PlainValues.freezeMap(meta);
        tags = List.copyOf(tags);
        config = PlainValues.freezeMap(config);
        quoting = PlainValues.freezeMap(quoting);
        tables = List.copyOf(tables);
    }
}
