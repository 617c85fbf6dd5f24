package io.smelt.compiler.analysis;

/** A column's name and its type as written (an engine's spelling, or null when unknown). */
public record ColumnType(String name, String type) {
}
