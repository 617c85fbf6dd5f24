package io.smelt.compiler.graph;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A column documented in a schema.yml file. {@code dataType} may be null. */
public record ColumnInfo(String name, String description, String dataType, Map<String, Object> meta, List<String> tags) {
    public ColumnInfo {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
