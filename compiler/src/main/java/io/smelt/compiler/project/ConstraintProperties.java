package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code constraints:} of a column or a model, each read as dbt's {@code ColumnLevelConstraint} or
 * {@code ModelLevelConstraint} holds it (its defaults filled in). dbt refuses an unknown {@code type}
 * while parsing, whether or not the model's contract is enforced, and so does this.
 */
final class ConstraintProperties {
    /** dbt's {@code ConstraintType} values. */
    static final List<String> TYPES = List.of("check", "not_null", "unique", "primary_key", "foreign_key", "custom");

    private static final Set<String> KEYS = Set.of("type", "name", "expression", "warn_unenforced", "warn_unsupported", "to",
            "to_columns", "columns");

    private ConstraintProperties() {
    }

    /**
     * @param modelLevel whether these are a model's constraints, which name their {@code columns}
     */
    static List<Map<String, Object>> read(YamlReader yaml, Node value, String owner, boolean modelLevel) {
        if (YamlReader.isNull(value)) {
            return List.of();
        }
        List<Map<String, Object>> constraints = new ArrayList<>();
        for (Node item : yaml.list(value, "constraints of " + owner, "a list of constraints (- type: not_null)")) {
            Map<String, Object> written = yaml.map(item, "a constraint of " + owner, SchemaFileParser.RAW_KEYS);
            Object type = written.get("type");
            if (type == null || !TYPES.contains(type.toString())) {
                throw new SmeltException(ErrorKind.PROJECT, yaml.at(item), (type == null ? "a constraint of " + owner + " has no type"
                        : "constraint type '" + type + "' of " + owner + " is not a constraint dbt knows"),
                        "type is one of " + String.join(", ", TYPES));
            }
            for (String key : written.keySet()) {
                if (!KEYS.contains(key) || key.equals("columns") && !modelLevel) {
                    throw new SmeltException(ErrorKind.PROJECT, yaml.at(item), "a constraint of " + owner + " has the unknown key '" + key + "'",
                            "a constraint takes " + (modelLevel ? "type, name, columns, expression, to, to_columns, warn_unenforced and warn_unsupported"
                                    : "type, name, expression, to, to_columns, warn_unenforced and warn_unsupported"));
                }
            }
            Map<String, Object> constraint = new LinkedHashMap<>();
            constraint.put("type", type.toString());
            constraint.put("name", written.get("name"));
            constraint.put("expression", written.get("expression"));
            constraint.put("warn_unenforced", written.getOrDefault("warn_unenforced", true));
            constraint.put("warn_unsupported", written.getOrDefault("warn_unsupported", true));
            constraint.put("to", written.get("to"));
            constraint.put("to_columns", written.getOrDefault("to_columns", List.of()));
            if (modelLevel) {
                constraint.put("columns", written.getOrDefault("columns", List.of()));
            }
            constraints.add(constraint);
        }
        return constraints;
    }
}
