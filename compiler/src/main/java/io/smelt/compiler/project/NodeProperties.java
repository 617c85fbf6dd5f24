package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A model, seed, snapshot or analysis entry of a properties file.
 *
 * @param config the entry's {@code config:}, rendered except {@code pre-hook}/{@code post-hook}
 * @param tests model-level {@code data_tests:} (or {@code tests:})
 * @param versions {@code versions:} of a versioned model
 * @param other the remaining known keys as written ({@code latest_version}, {@code access},
 *     {@code group}, {@code constraints}, ...), and under {@link #UNRENDERED_CONFIG} the {@code config:}
 *     with nothing rendered
 * @param at where the entry starts
 */
public record NodeProperties(
        String name,
        String description,
        Map<String, Object> config,
        List<ColumnProperties> columns,
        List<TestSpec> tests,
        List<VersionProperties> versions,
        Map<String, Object> docs,
        Map<String, Object> meta,
        List<String> tags,
        Map<String, Object> other,
        SourcePosition at) {
    /** The key of {@code other} that holds {@code config:} as written, for {@code unrendered_config}. */
    public static final String UNRENDERED_CONFIG = "unrendered_config";

    public NodeProperties {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        config = PlainValues.freezeMap(config);
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
        versions = List.copyOf(versions);
        docs = PlainValues.freezeMap(docs);
        meta = PlainValues.freezeMap(meta);
        tags = List.copyOf(tags);
        other = PlainValues.freezeMap(other);
    }
}
