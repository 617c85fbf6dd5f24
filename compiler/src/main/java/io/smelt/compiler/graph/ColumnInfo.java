package io.smelt.compiler.graph;

import io.smelt.compiler.diag.SourcePosition;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A column documented in a schema.yml file. {@code dataType} may be null.
 *
 * @param constraints the column's {@code constraints:} as dbt's {@code ColumnLevelConstraint}s (type, name,
 *     expression, warn_unenforced, warn_unsupported, to, to_columns)
 * @param quote {@code quote:}, or null when not given
 * @param at where the column's entry starts in its properties file, or null
 */
public record ColumnInfo(String name, String description, String dataType, Map<String, Object> meta, List<String> tags,
        List<Map<String, Object>> constraints, Boolean quote, SourcePosition at) {
    /** A column without constraints. */
    public ColumnInfo(String name, String description, String dataType, Map<String, Object> meta, List<String> tags) {
        this(name, description, dataType, meta, tags, List.of(), null, null);
    }

    public ColumnInfo {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tags = tags == null ? List.of() : List.copyOf(tags);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }
}
