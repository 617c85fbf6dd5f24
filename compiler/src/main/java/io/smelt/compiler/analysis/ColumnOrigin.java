package io.smelt.compiler.analysis;

/**
 * One upstream column that feeds an output column: the input's origin (a node's unique id), the
 * column, and how: {@code direct} (copied), {@code transformed} (computed from it), {@code filter}
 * (in a WHERE, HAVING or QUALIFY) or {@code join} (a join key).
 */
public record ColumnOrigin(String origin, String column, Kind kind) {
    public enum Kind { DIRECT, TRANSFORMED, FILTER, JOIN }
}
