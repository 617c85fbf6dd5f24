package io.smelt.adapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows a statement returned (when fetched) and what the engine said about it.
 *
 * @param columns the result's columns, empty for statements without a result set
 * @param rows the rows fetched, each as JDBC-neutral Java values (String, Long, Double, BigDecimal,
 *     Boolean, java.time values, null); nested values are {@code List} (arrays) and {@code Map}
 *     (structs and maps) of such values, binary values {@code byte[]}; rows may hold nulls
 * @param rowsAffected rows written, or -1 when the engine does not say
 * @param message a short engine response such as {@code OK} or {@code INSERT 0 12}
 * @param queryId the engine's id for the query, or null
 */
public record QueryResult(List<Column> columns, List<List<Object>> rows, long rowsAffected, String message, String queryId) {
    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static QueryResult empty(String message) {
        return new QueryResult(List.of(), List.of(), -1, message, null);
    }
}
