package io.smelt.compiler.artifact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One relation as catalog.json describes it: what the engine's catalog says of it, not what the
 * project declares.
 *
 * @param type the engine's word for it ({@code BASE TABLE}, {@code VIEW}, ...)
 * @param columns by name, in the engine's order
 * @param stats by id, only those the engine marked to include (dbt's {@code has_stats} is added on writing)
 * @param uniqueId the node or source it was matched to, or null
 */
public record CatalogTable(String type, String database, String schema, String name, String comment, String owner,
        Map<String, Column> columns, Map<String, Stat> stats, String uniqueId) {
    /** @param index the column's position, 1-based as the engines number them */
    public record Column(String name, String type, int index, String comment) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /** @param value a string, number, boolean or null */
    public record Stat(String id, String label, Object value, String description, boolean include) {
        public Stat {
            requireNonNull(id, "id is null");
            requireNonNull(label, "label is null");
        }
    }

    public CatalogTable {
        requireNonNull(type, "type is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    public CatalogTable withUniqueId(String id) {
        return new CatalogTable(type, database, schema, name, comment, owner, columns, stats, id);
    }
}
