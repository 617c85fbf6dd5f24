package io.smelt.compiler.parse;

import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.ColumnInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What properties (schema.yml) files say about one package's nodes, keyed the way the parser asks. */
public interface Properties {
    Properties EMPTY = new Properties() {
        @Override
        public Patch patch(String resourceKey, String name) {
            return null;
        }

        @Override
        public List<Patch> patches(String resourceKey) {
            return List.of();
        }

        @Override
        public List<SourceTable> sources() {
            return List.of();
        }
    };

    /** Properties of a model, seed, snapshot or analysis, or null. */
    Patch patch(String resourceKey, String name);

    /** Every entry under {@code models:}, {@code seeds:}..., in file order. */
    List<Patch> patches(String resourceKey);

    List<SourceTable> sources();

    /** Every entry under {@code unit_tests:}, in file order. */
    default List<UnitTest> unitTests() {
        return List.of();
    }

    /** One unit test and the properties file that declares it. */
    record UnitTest(io.smelt.compiler.graph.UnitTestSpec spec, Path file) {
    }

    /**
     * One entry under {@code models:}, {@code seeds:}...
     *
     * @param tests the model-level and column-level tests, in file order
     * @param relation a snapshot's {@code relation:} ({@code ref('orders')}, {@code source('shop', 'orders')}),
     *     which makes the entry a snapshot of its own; null elsewhere
     * @param version for one version of a versioned model, which; null elsewhere
     * @param extra fields the node's manifest entry takes as written ({@code time_spine}), see {@code Node.extra}
     */
    record Patch(String name, String description, Map<String, Object> config, Map<String, ColumnInfo> columns,
            List<TestDef> tests, Path file, SourcePosition at, String relation, Version version, Map<String, Object> extra) {
        /** The {@code extra} key of the entry's {@code config:} as written; not a manifest field. */
        static final String UNRENDERED_CONFIG = "smelt_unrendered_properties_config";

        /** The entry's {@code config:} with nothing rendered, or its rendered one when that is not known. */
        @SuppressWarnings("unchecked")
        Map<String, Object> unrenderedConfig() {
            return extra != null && extra.get(UNRENDERED_CONFIG) instanceof Map<?, ?> written ? (Map<String, Object>) written : config;
        }
    }

    /**
     * One version of a versioned model.
     *
     * @param v the version as text ({@code 2})
     * @param fileName the model file (without extension) that defines it: {@code defined_in}, else {@code <name>_v<v>}
     * @param latest whether it is the latest version, which may also live in {@code <name>.sql}
     */
    record Version(String v, String fileName, boolean latest) {
    }

    /**
     * One table of a source with its source's settings already applied.
     *
     * @param extra the source's {@code source_description}, {@code loader} and {@code source_meta}, see {@code Node.extra}
     */
    record SourceTable(String sourceName, String tableName, String database, String schema, String identifier,
            String description, Map<String, Object> config, Map<String, ColumnInfo> columns, List<TestDef> tests,
            Path file, SourcePosition at, Map<String, Object> extra) {
    }

    /**
     * One generic test entry.
     *
     * @param testName {@code unique}, or {@code package.name} for a package's test
     * @param columnName the column it sits under, or null for a model-level test
     */
    record TestDef(String testName, Map<String, Object> args, Map<String, Object> config, String customName,
            String columnName, SourcePosition at) {
    }
}
