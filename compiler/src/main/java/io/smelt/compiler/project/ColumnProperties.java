package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.ColumnInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A column in a properties file.
 *
 * @param dataType {@code data_type}, or null
 * @param quote {@code quote:}, or null when not given
 * @param config the column's {@code config:} (dbt 1.10 moves {@code meta} and {@code tags} there)
 * @param tests the column's {@code data_tests:} (or {@code tests:})
 * @param constraints the column's {@code constraints:}, each with every key of dbt's {@code ColumnLevelConstraint}
 */
public record ColumnProperties(
        String name,
        String description,
        String dataType,
        Map<String, Object> meta,
        List<String> tags,
        Boolean quote,
        Map<String, Object> config,
        List<TestSpec> tests,
        List<Map<String, Object>> constraints,
        SourcePosition at) {
    public ColumnProperties {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        meta = PlainValues.freezeMap(meta);
        tags = List.copyOf(tags);
        config = PlainValues.freezeMap(config);
        tests = List.copyOf(tests);
        constraints = List.copyOf(constraints);
    }

    /** The column as the manifest records it, with {@code config.meta} and {@code config.tags} folded in. */
    public ColumnInfo toColumnInfo() {
        Map<String, Object> allMeta = new LinkedHashMap<>(meta);
        if (config.get("meta") instanceof Map<?, ?> configMeta) {
            configMeta.forEach((key, value) -> allMeta.put(String.valueOf(key), value));
        }
        LinkedHashSet<String> allTags = new LinkedHashSet<>(tags);
        Object configTags = config.get("tags");
        if (configTags instanceof List<?> list) {
            list.forEach(tag -> allTags.add(String.valueOf(tag)));
        }
        else if (configTags != null) {
            allTags.add(configTags.toString());
        }
        return new ColumnInfo(name, description, dataType, allMeta, new ArrayList<>(allTags), constraints, quote, at);
    }
}
