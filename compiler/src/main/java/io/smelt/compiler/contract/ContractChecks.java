package io.smelt.compiler.contract;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What dbt refuses while parsing a model with an enforced contract: an ephemeral model (nothing is
 * created to hold the contract), no columns, a column without {@code data_type}, and primary keys on
 * several columns or on both a column and the model. Each is a project error at the properties entry.
 */
public final class ContractChecks {
    private ContractChecks() {
    }

    /**
     * @param entryAt where the model's properties entry starts, or null when it has none
     */
    public static void check(Node node, SourcePosition entryAt) {
        if (!ModelContract.enforced(node) || !node.config().enabled()) {
            return;
        }
        SourcePosition at = entryAt != null ? entryAt : node.definedAt();
        String model = "model '" + node.name() + "'";
        if ("ephemeral".equals(node.config().materialized())) {
            throw new SmeltException(ErrorKind.PROJECT, at, model + " is ephemeral and has an enforced contract; an ephemeral model"
                    + " creates no relation to hold one",
                    "materialize it as a table, incremental model or view, or set contract: {enforced: false}");
        }
        if (node.columns().isEmpty()) {
            throw new SmeltException(ErrorKind.PROJECT, at, model + " has an enforced contract but declares no columns",
                    "list its columns with name and data_type under the model in a properties file (models/schema.yml)");
        }
        for (ColumnInfo column : node.columns().values()) {
            if (column.dataType() == null || column.dataType().isBlank()) {
                throw new SmeltException(ErrorKind.PROJECT, column.at() != null ? column.at() : at,
                        "column '" + column.name() + "' of " + model + " has no data_type, which its enforced contract needs",
                        "give every column of a contracted model a data_type (such as data_type: integer)");
            }
        }
        checkPrimaryKeys(ModelContract.of(node), at, model);
    }

    private static void checkPrimaryKeys(ModelContract contract, SourcePosition at, String model) {
        List<String> keyColumns = new ArrayList<>();
        for (ColumnInfo column : contract.columns()) {
            if (column.constraints().stream().anyMatch(c -> "primary_key".equals(c.get("type")))) {
                keyColumns.add(column.name());
            }
        }
        if (keyColumns.size() > 1) {
            throw new SmeltException(ErrorKind.PROJECT, at, model + " has primary key constraints on " + keyColumns.size()
                    + " columns (" + String.join(", ", keyColumns) + ")",
                    "a key of several columns is a model-level constraint: constraints: [{type: primary_key, columns: ["
                            + String.join(", ", keyColumns) + "]}]");
        }
        boolean modelKey = contract.constraints().stream().map(c -> c.get("type")).anyMatch("primary_key"::equals);
        if (!keyColumns.isEmpty() && modelKey) {
            throw new SmeltException(ErrorKind.PROJECT, at, model + " has a primary key on column " + keyColumns.get(0)
                    + " and another at the model level", "declare the primary key once, on the column or on the model");
        }
        for (Map<String, Object> constraint : contract.constraints()) {
            String type = String.valueOf(constraint.get("type"));
            boolean needsColumns = type.equals("primary_key") || type.equals("unique") || type.equals("foreign_key");
            if (needsColumns && !(constraint.get("columns") instanceof List<?> columns && !columns.isEmpty())) {
                throw new SmeltException(ErrorKind.PROJECT, at, "the model-level " + type + " constraint of " + model
                        + " names no columns", "list them: columns: [" + contract.columns().get(0).name() + "]");
            }
        }
    }
}
