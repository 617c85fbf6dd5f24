package io.smelt.compiler.project;

import io.smelt.compiler.graph.UnitTestSpec;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the entries under {@code unit_tests:} of a properties file. */
final class UnitTestParser {
    private static final Set<String> KEYS = Set.of("name", "description", "model", "given", "expect", "overrides", "config",
            "versions");
    private static final Set<String> FORMATS = Set.of("dict", "csv", "sql");

    private final YamlReader yaml;

    UnitTestParser(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** @param fields the entry's keys, already checked for a name */
    UnitTestSpec unitTest(Node item, Map<String, YamlReader.Entry> fields) {
        String name = yaml.text(fields.get("name").value(), "name", false);
        String owner = "unit test '" + name + "'";
        YamlReader.Entry model = fields.get("model");
        if (model == null || YamlReader.isNull(model.value())) {
            throw yaml.error(item, owner + " needs model: (the model it tests)", "add model: <model name>");
        }
        YamlReader.Entry given = fields.get("given");
        if (given == null) {
            throw yaml.error(item, owner + " needs given: (the rows of each input the model reads)",
                    "add given: with one '- input: ref(...)' per input, or given: [] for a model without inputs");
        }
        YamlReader.Entry expect = fields.get("expect");
        if (expect == null || YamlReader.isNull(expect.value())) {
            throw yaml.error(item, owner + " needs expect: (the rows the model must return)", "add expect: with rows:");
        }
        List<UnitTestSpec.Given> inputs = new ArrayList<>();
        for (Node input : yaml.list(given.value(), "given of " + owner, "a list of inputs (- input: ref('orders'))")) {
            Map<String, YamlReader.Entry> inputFields = yaml.mapping(input, "given of " + owner);
            YamlReader.Entry inputName = inputFields.get("input");
            if (inputName == null || YamlReader.isNull(inputName.value())) {
                throw yaml.error(input, "each given of " + owner + " needs input: (ref('...'), source('...', '...') or this)",
                        null);
            }
            String text = yaml.text(inputName.value(), "input", false);
            inputs.add(new UnitTestSpec.Given(text, fixture(input, inputFields, owner + ", input " + text), yaml.at(input)));
        }
        Map<String, Object> macros = new LinkedHashMap<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, String> envVars = new LinkedHashMap<>();
        YamlReader.Entry overrides = fields.get("overrides");
        if (overrides != null) {
            Map<String, YamlReader.Entry> parts = yaml.mapping(overrides.value(), "overrides of " + owner);
            for (YamlReader.Entry part : parts.values()) {
                Map<String, Object> values = yaml.rawMap(part.value(), part.key() + " of " + owner);
                switch (part.key()) {
                    case "macros" -> macros.putAll(values);
                    case "vars" -> vars.putAll(values);
                    case "env_vars" -> values.forEach((k, v) -> envVars.put(k, v == null ? null : String.valueOf(v)));
                    default -> throw yaml.error(part.keyNode(), "unknown override '" + part.key() + "' in " + owner,
                            "overrides take macros:, vars: and env_vars:");
                }
            }
        }
        String modelName = yaml.text(model.value(), "model", false);
        YamlReader.Entry description = fields.get("description");
        YamlReader.Entry config = fields.get("config");
        YamlReader.Entry versions = fields.get("versions");
        return new UnitTestSpec(name, modelName, description == null ? "" : yaml.text(description.value(), "description", false),
                inputs, fixture(expect.value(), yaml.mapping(expect.value(), "expect of " + owner), owner + ", expect"), macros,
                vars, envVars, config == null ? Map.of() : yaml.map(config.value(), "config of " + owner, Set.of()),
                versions == null ? Map.of() : yaml.rawMap(versions.value(), "versions of " + owner), yaml.at(item));
    }

    private UnitTestSpec.Fixture fixture(Node at, Map<String, YamlReader.Entry> fields, String owner) {
        String format = "dict";
        YamlReader.Entry formatEntry = fields.get("format");
        if (formatEntry != null) {
            format = yaml.text(formatEntry.value(), "format", false);
            if (!FORMATS.contains(format)) {
                throw yaml.error(formatEntry.value(), "unknown fixture format '" + format + "' in " + owner,
                        "use format: dict, csv or sql");
            }
        }
        YamlReader.Entry rows = fields.get("rows");
        YamlReader.Entry file = fields.get("fixture");
        if (file != null) {
            if (rows != null) {
                throw yaml.error(file.keyNode(), owner + " gives both rows: and fixture:", "keep one of them");
            }
            if (format.equals("dict")) {
                throw yaml.error(file.keyNode(), owner + " names a fixture file, which must be format: csv or format: sql",
                        "add format: csv (tests/fixtures/<name>.csv) or format: sql (tests/fixtures/<name>.sql)");
            }
            return new UnitTestSpec.Fixture(format, null, null, yaml.at(file.value()), yaml.text(file.value(), "fixture", false));
        }
        Node rowsNode = rows == null ? null : rows.value();
        if (format.equals("dict")) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Node row : yaml.list(rowsNode, "rows of " + owner, "a list of rows ({id: 1, name: a})")) {
                if (!(row instanceof MappingNode)) {
                    throw yaml.expected(row, "a row of " + owner, "a mapping of column: value", null);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) yaml.value(row, Set.of(), false);
                out.add(values);
            }
            return new UnitTestSpec.Fixture(format, out, null, yaml.at(at));
        }
        if (!(rowsNode instanceof ScalarNode scalar)) {
            throw yaml.expected(rowsNode == null ? at : rowsNode, "rows of " + owner,
                    format.equals("csv") ? "CSV text (rows: |)" : "a SELECT (rows: |)", null);
        }
        if (format.equals("sql")) {
            return new UnitTestSpec.Fixture(format, null, scalar.getValue(), yaml.at(rowsNode));
        }
        return new UnitTestSpec.Fixture(format, UnitTestSpec.Fixture.csvRows(scalar.getValue()), null, yaml.at(rowsNode));
    }

    static Set<String> keys() {
        return KEYS;
    }
}
