package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One generic data test declared in a properties file, in any of dbt's shapes. Nothing in it is
 * rendered: dbt renders test arguments and config with the test's own context.
 *
 * @param testName the test as named in YAML: {@code unique}, {@code accepted_values},
 *     {@code dbt_utils.expression_is_true}
 * @param args keyword arguments for the test macro ({@code values: [...]}, {@code to: "ref('x')"},
 *     {@code field: id}); {@code arguments:} entries (dbt 1.10) are folded in
 * @param config the test's config: its {@code config:} plus config keys written at the top level
 *     ({@code severity}, {@code where}, {@code tags}, ...)
 * @param customName the {@code name:} given explicitly, or null
 * @param at where the entry starts
 */
public record TestSpec(String testName, Map<String, Object> args, Map<String, Object> config, String customName, SourcePosition at) {
    public TestSpec {
        requireNonNull(testName, "testName is null");
        args = PlainValues.freezeMap(args);
        config = PlainValues.freezeMap(config);
    }

    /** The package part of {@code dbt_utils.expression_is_true}, or null for an unqualified name. */
    public String namespace() {
        int dot = testName.lastIndexOf('.');
        return dot < 0 ? null : testName.substring(0, dot);
    }

    /** The test's name without its package: {@code expression_is_true}. */
    public String shortName() {
        return testName.substring(testName.lastIndexOf('.') + 1);
    }
}
