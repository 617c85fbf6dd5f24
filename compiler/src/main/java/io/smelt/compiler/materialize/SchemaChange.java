package io.smelt.compiler.materialize;

import io.smelt.adapter.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the columns of an incremental model's new rows differ from the table they go into: what
 * {@code on_schema_change} acts on. Names compare case-insensitively, types as the engine spells them
 * (case and spaces aside), so {@code integer} to {@code bigint} is a change of type.
 *
 * @param added columns of the new rows that the table lacks, with the new rows' types
 * @param removed columns of the table that the new rows lack
 * @param retyped columns whose type changed, with the new rows' types
 * @param previousTypes the table's type of each retyped column, by name
 */
public record SchemaChange(List<Column> added, List<Column> removed, List<Column> retyped, Map<String, String> previousTypes) {
    static SchemaChange between(List<Column> source, List<Column> target) {
        Map<String, Column> targetByName = byName(target);
        Map<String, Column> sourceByName = byName(source);
        List<Column> added = new ArrayList<>();
        List<Column> retyped = new ArrayList<>();
        Map<String, String> previousTypes = new LinkedHashMap<>();
        for (Column column : source) {
            Column existing = targetByName.get(key(column.name()));
            if (existing == null) {
                added.add(column);
            }
            else if (!normalize(existing.dataType()).equals(normalize(column.dataType()))) {
                retyped.add(column);
                previousTypes.put(column.name(), existing.dataType());
            }
        }
        List<Column> removed = target.stream().filter(c -> !sourceByName.containsKey(key(c.name()))).toList();
        return new SchemaChange(List.copyOf(added), removed, List.copyOf(retyped), Map.copyOf(previousTypes));
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && retyped.isEmpty();
    }

    /** "added: a (varchar); removed: b; type changed: c integer -> bigint" */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added: " + String.join(", ", added.stream().map(c -> c.name() + " (" + c.dataType() + ")").toList()));
        }
        if (!removed.isEmpty()) {
            parts.add("removed: " + String.join(", ", removed.stream().map(Column::name).toList()));
        }
        if (!retyped.isEmpty()) {
            parts.add("type changed: " + String.join(", ", retyped.stream()
                    .map(c -> c.name() + " " + previousTypes.get(c.name()) + " -> " + c.dataType()).toList()));
        }
        return String.join("; ", parts);
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(key(c.name()), c));
        return byName;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String normalize(String type) {
        return type == null ? "" : type.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
