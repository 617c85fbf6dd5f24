package io.smelt.compiler.lineage;

import static java.util.Objects.requireNonNull;

/** One column of one node: the node's unique id and the column as that node spells it. */
public record ColumnRef(String node, String column) {
    public ColumnRef {
        requireNonNull(node, "node is null");
        requireNonNull(column, "column is null");
    }

    @Override
    public String toString() {
        return node + "." + column;
    }
}
