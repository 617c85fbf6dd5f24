package io.smelt.adapter;

import static java.util.Objects.requireNonNull;

/** A column as the engine reports it: its name and its type as the engine spells it. */
public record Column(String name, String dataType) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
    }
}
