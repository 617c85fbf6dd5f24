package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.ConstraintSupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * dbt's breaking changes of an enforced contract (its {@code same_contract}): the contract no longer
 * enforced, a column removed, a column's base type changed (a length, precision or scale alone is not
 * breaking), a constraint the engine enforces removed, and a table or incremental model with
 * constraints that no longer creates a table.
 */
final class ContractBreakingChanges {
    private ContractBreakingChanges() {
    }

    static List<String> of(JsonNode now, JsonNode before, Function<String, ConstraintSupport> support) {
        List<String> changes = new ArrayList<>();
        if (!enforced(before)) {
            return changes;
        }
        if (!enforced(now)) {
            changes.add("the contract is no longer enforced");
        }
        Map<String, JsonNode> columns = columns(now);
        boolean columnConstraints = false;
        for (Map.Entry<String, JsonNode> old : columns(before).entrySet()) {
            JsonNode current = columns.get(old.getKey());
            String name = old.getValue().path("name").asText(old.getKey());
            columnConstraints |= old.getValue().path("constraints").size() > 0;
            if (current == null) {
                changes.add("column " + name + " was removed");
                continue;
            }
            String was = old.getValue().path("data_type").asText("");
            String is = current.path("data_type").asText("");
            if (!baseType(was).equals(baseType(is))) {
                changes.add("column " + name + " changed type from " + was + " to " + is);
            }
            if (createsTable(before)) {
                for (JsonNode constraint : old.getValue().path("constraints")) {
                    if (removed(constraint, current.path("constraints"), support)) {
                        changes.add("the " + constraint.path("type").asText() + " constraint of column " + name + " was removed");
                    }
                }
            }
        }
        if (createsTable(before)) {
            for (JsonNode constraint : before.path("constraints")) {
                if (removed(constraint, now.path("constraints"), support)) {
                    changes.add("the model's " + constraint.path("type").asText() + " constraint on " + constraint.path("columns") + " was removed");
                }
            }
            if (!createsTable(now) && (columnConstraints || before.path("constraints").size() > 0)) {
                changes.add("materialized changed from " + materialized(before) + " to " + materialized(now)
                        + ", which does not create its table with the constraints");
            }
        }
        return changes;
    }

    private static boolean removed(JsonNode constraint, JsonNode current, Function<String, ConstraintSupport> support) {
        for (JsonNode other : current) {
            if (JsonValues.same(constraint, other)) {
                return false;
            }
        }
        return support.apply(constraint.path("type").asText()) == ConstraintSupport.ENFORCED;
    }

    private static boolean enforced(JsonNode node) {
        return node.path("config").path("contract").path("enforced").asBoolean(false);
    }

    private static String materialized(JsonNode node) {
        return node.path("config").path("materialized").asText("");
    }

    private static boolean createsTable(JsonNode node) {
        return materialized(node).equals("table") || materialized(node).equals("incremental");
    }

    /** dbt's {@code _normalize_data_type_for_comparison}: the type without its arguments, lower-case. */
    private static String baseType(String type) {
        int paren = type.indexOf('(');
        return (paren < 0 ? type : type.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, JsonNode> columns(JsonNode node) {
        Map<String, JsonNode> columns = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            columns.put(e.getKey(), e.getValue());
        }
        return columns;
    }
}
