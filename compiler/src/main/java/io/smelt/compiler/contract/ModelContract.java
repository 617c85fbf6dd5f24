package io.smelt.compiler.contract;

import io.smelt.adapter.Column;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's contract as its properties declare it: the columns in declared order (each with its
 * {@code data_type} and {@code constraints}) and the model-level {@code constraints}.
 */
public record ModelContract(List<ColumnInfo> columns, List<Map<String, Object>> constraints) {
    public ModelContract {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }

    /** Whether the node is a model whose config says {@code contract: {enforced: true}}. */
    public static boolean enforced(Node node) {
        return node.resourceType() == ResourceType.MODEL && enforced(node.config());
    }

    static boolean enforced(NodeConfig config) {
        return config.get("contract") instanceof Map<?, ?> contract
                && (Boolean.TRUE.equals(contract.get("enforced")) || "true".equalsIgnoreCase(String.valueOf(contract.get("enforced"))));
    }

    /**
     * dbt's {@code contract.alias_types} (true unless set false): a column's {@code data_type} in
     * {@code model['columns']}, which the table's DDL is written from, goes through the engine's type
     * names first, so {@code string} and {@code varchar} are the engine's text type everywhere.
     */
    public static boolean aliasTypes(NodeConfig config) {
        return !(config.get("contract") instanceof Map<?, ?> contract) || !Boolean.FALSE.equals(contract.get("alias_types"))
                && !"false".equalsIgnoreCase(String.valueOf(contract.get("alias_types")));
    }

    /** dbt's {@code materialization_enforces_constraints}: only tables are created with the declared DDL. */
    public static boolean enforcesConstraints(String materialized) {
        return "table".equals(materialized) || "incremental".equals(materialized);
    }

    public static ModelContract of(Node node) {
        List<Map<String, Object>> modelConstraints = new ArrayList<>();
        if (node.extra().get("constraints") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> constraint = (Map<String, Object>) map;
                    modelConstraints.add(constraint);
                }
            }
        }
        return new ModelContract(new ArrayList<>(node.columns().values()), modelConstraints);
    }

    /** The declared columns as (name, declared type), for {@link ContractComparison}. */
    public List<Column> declared() {
        return columns.stream().map(c -> new Column(c.name(), c.dataType() == null ? "" : c.dataType())).toList();
    }
}
