package io.smelt.compiler.analysis;

import java.util.List;

/**
 * A relation a query may read: the names it can be written as (each a path such as
 * {@code [db, schema, name]}) and its columns. {@code origin} says where it comes from (a node's
 * unique id) for lineage and messages.
 */
public record InputTable(String origin, List<List<String>> paths, List<ColumnType> columns) {
    public InputTable {
        paths = List.copyOf(paths);
        columns = List.copyOf(columns);
    }
}
