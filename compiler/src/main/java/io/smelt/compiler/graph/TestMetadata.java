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
 * @param fileName the name its compiled SQL file takes: the node's name, or dbt's hashed short form of a
 *     name of 64 characters or more
 */
public record TestMetadata(String name, String namespace, Map<String, Object> kwargs, String columnName, String attachedNode,
        String fileName) {
    public TestMetadata {
        requireNonNull(name, "name is null");
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }

    /** A test whose name is short enough to name its file. */
    public TestMetadata(String name, String namespace, Map<String, Object> kwargs, String columnName, String attachedNode) {
        this(name, namespace, kwargs, columnName, attachedNode, null);
    }
}
