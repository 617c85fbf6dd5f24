package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A {@code macros:} entry: documentation for a macro, as written. */
public record MacroProperties(
        String name,
        String description,
        List<Object> arguments,
        Map<String, Object> docs,
        Map<String, Object> meta,
        SourcePosition at) {
    public MacroProperties {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        arguments = PlainValues.freezeList(arguments);
        docs = PlainValues.freezeMap(docs);
        meta = PlainValues.freezeMap(meta);
    }
}
