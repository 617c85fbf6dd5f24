package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One entry under a model's {@code versions:}.
 *
 * @param v the version as written ({@code 2}, {@code "2"}, {@code 1.5})
 * @param definedIn {@code defined_in}: the model file's name without extension, or null for {@code <model>_v<v>}
 * @param description the version's own description, or null to take the model's
 * @param config the version's {@code config:}, merged over the model's
 * @param include the model's columns it keeps: {@code all} (the default, also {@code *}) or a list of names
 * @param exclude the model's columns it drops
 * @param columns columns the version defines or redefines
 * @param tests the version's own model-level tests, or null to take the model's
 */
public record VersionProperties(
        Object v,
        String definedIn,
        String description,
        Map<String, Object> config,
        Object include,
        List<String> exclude,
        List<ColumnProperties> columns,
        List<TestSpec> tests,
        SourcePosition at) {
    public VersionProperties {
        requireNonNull(v, "v is null");
        config = PlainValues.freezeMap(config);
        include = include instanceof List<?> list ? List.copyOf(list) : include == null ? "all" : include;
        exclude = List.copyOf(exclude);
        columns = List.copyOf(columns);
        tests = tests == null ? null : List.copyOf(tests);
    }

    /** Whether the model's column {@code name} belongs to this version, as dbt's include/exclude decide. */
    public boolean includes(String name) {
        boolean included = "all".equals(include) || "*".equals(include) || include instanceof List<?> list && list.contains(name);
        return included && !exclude.contains(name);
    }
}
