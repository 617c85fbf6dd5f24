package io.smelt.compiler.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a generic test node tests, as dbt records it.
 *
 * @param name the test's name, such as {@code unique} or {@code accepted_values}
 * @param namespace the package that defines it ({@code dbt_utils}), or null for built-in/root tests
 * @param kwargs the test's arguments from YAML, plus {@code column_name} and {@code model}
 * @param columnName the column under test, or null for model-level tests
 * @param attachedNode unique id of the model, seed or source the test belongs to
 */
public record TestMetadata(String name, String namespace, Map<String, Object> kwargs, String columnName, String attachedNode) {
    public TestMetadata {
        requireNonNull(name, "name is null");
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }
}
