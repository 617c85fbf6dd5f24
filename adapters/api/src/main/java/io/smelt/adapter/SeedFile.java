package io.smelt.adapter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A CSV seed to load into a fresh table.
 *
 * @param csv the file
 * @param delimiter the field delimiter (one character)
 * @param columnTypes column name to engine type, for columns whose type the user fixed; the other
 *     columns get inferred types
 * @param quoteColumns quote column names in the created table
 */
public record SeedFile(Path csv, String delimiter, Map<String, String> columnTypes, boolean quoteColumns) {
    public SeedFile {
        requireNonNull(csv, "csv is null");
        requireNonNull(delimiter, "delimiter is null");
        columnTypes = Map.copyOf(columnTypes);
    }

    /** Column names in the order they should appear, or empty to take the CSV header as is. */
    public List<String> orderedOverrides() {
        return List.copyOf(columnTypes.keySet());
    }
}
