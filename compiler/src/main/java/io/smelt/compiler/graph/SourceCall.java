package io.smelt.compiler.graph;

import static java.util.Objects.requireNonNull;

/** A {@code source()} found while parsing; {@code line} is 1-based, 0 when unknown. */
public record SourceCall(String sourceName, String tableName, int line) {
    public SourceCall {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(tableName, "tableName is null");
    }
}
