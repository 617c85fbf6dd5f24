package io.smelt.compiler.project;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the entries of a {@code data_tests:} (or {@code tests:}) list in every shape dbt accepts. */
final class TestSpecParser {
    /** Keys dbt moves from a test's top level into its config. */
    static final List<String> CONFIG_KEYS = List.of("severity", "tags", "enabled", "where", "limit", "warn_if", "error_if",
            "fail_calc", "store_failures", "store_failures_as", "meta", "database", "schema", "alias");

    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final String SHAPES = "a test name (- unique) or a mapping with one test name "
            + "(- accepted_values: {values: [...]})";
    private static final String SHAPE_HINT = "indent a test's arguments under its name (- accepted_values: with "
            + "values: [...] on the next line, two spaces deeper), or name the test with test_name:";

    private final YamlReader yaml;

    TestSpecParser(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** The tests under {@code data_tests:} or {@code tests:} of one mapping; both at once is an error. */
    List<TestSpec> testsOf(Map<String, YamlReader.Entry> entries, String owner) {
        YamlReader.Entry tests = entries.get("tests");
        YamlReader.Entry dataTests = entries.get("data_tests");
        if (tests != null && dataTests != null) {
            throw yaml.error(dataTests.keyNode(), owner + " has both tests: and data_tests:",
                    "keep one list: data_tests: is the newer name for tests:");
        }
        YamlReader.Entry chosen = dataTests != null ? dataTests : tests;
        if (chosen == null) {
            return List.of();
        }
        List<TestSpec> specs = new ArrayList<>();
        for (Node item : yaml.list(chosen.value(), chosen.key() + " of " + owner, "a list of tests")) {
            specs.add(parse(item));
        }
        return specs;
    }

    TestSpec parse(Node item) {
        String testName;
        Map<String, Object> args;
        if (item instanceof ScalarNode scalar && !YamlReader.isNull(scalar)) {
            testName = scalar.getValue();
            args = new LinkedHashMap<>();
        }
        else if (item instanceof MappingNode) {
            Map<String, YamlReader.Entry> entries = yaml.mapping(item, "test");
            YamlReader.Entry explicitName = entries.get("test_name");
            if (explicitName != null) {
                testName = testNameOf(explicitName.value());
                args = yaml.rawMap(item, "test");
                args.remove("test_name");
            }
            else if (entries.size() == 1) {
                YamlReader.Entry only = entries.values().iterator().next();
                testName = only.key();
                if (!YamlReader.isNull(only.value()) && !(only.value() instanceof MappingNode)) {
                    throw yaml.expected(only.value(), "arguments of test '" + testName + "'", "a mapping of key: value pairs",
                            SHAPE_HINT);
                }
                args = yaml.rawMap(only.value(), "arguments of test '" + testName + "'");
            }
            else {
                throw yaml.error(item, "a test entry must name one test, found the keys " + String.join(", ", entries.keySet()),
                        SHAPE_HINT);
            }
        }
        else {
            throw yaml.expected(item, "data test", SHAPES, SHAPE_HINT);
        }
        if (!TEST_NAME.matcher(testName).matches()) {
            throw yaml.error(item, "'" + testName + "' is not a test name", "a test is named like unique or dbt_utils.expression_is_true");
        }
        return build(item, testName, args);
    }

    private String testNameOf(Node node) {
        if (!(node instanceof ScalarNode scalar) || YamlReader.isNull(node) || !Tag.STR.equals(scalar.getTag())) {
            throw yaml.expected(node, "test_name", "the name of a test", null);
        }
        return scalar.getValue();
    }

    private TestSpec build(Node item, String testName, Map<String, Object> args) {
        // As dbt 1.10: the arguments: mapping merges into the entry first, so a config: (or name:,
        // or a config key such as where:) under arguments: configures the test as at the top level.
        Object arguments = args.remove("arguments");
        if (arguments != null) {
            args.putAll(mapArgument(item, testName, arguments, "arguments"));
        }
        Object customName = args.remove("name");
        args.remove("description");
        Map<String, Object> config = mapArgument(item, testName, args.remove("config"), "config");
        for (String key : CONFIG_KEYS) {
            Object value = args.remove(key);
            if (value == null) {
                continue;
            }
            if (config.containsKey(key)) {
                throw yaml.error(item, "test '" + testName + "' sets " + key + " both at its top level and under config:",
                        "keep it in one place, preferably under config:");
            }
            config.put(key, value);
        }
        if (config.get("tags") instanceof String tag && !YamlRenderer.isTemplate(tag)) {
            config.put("tags", List.of(tag));
        }
        return new TestSpec(testName, args, config, customName == null ? null : customName.toString(), yaml.at(item));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mapArgument(Node item, String testName, Object value, String key) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw yaml.error(item, "the " + key + ": of test '" + testName + "' must be a mapping of key: value pairs",
                    null);
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }
}
