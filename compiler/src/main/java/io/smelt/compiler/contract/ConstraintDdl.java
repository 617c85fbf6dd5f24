package io.smelt.compiler.contract;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.ConstraintSupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code render_raw_columns_constraints} and {@code render_raw_model_constraints}: the column
 * definitions ({@code name type constraint ...}) and table constraints of a contracted model's
 * {@code create table}, keeping only the constraints the engine can write ({@code custom} ones
 * always, as dbt). The warnings for the others are {@link ConstraintWarnings}'.
 */
public final class ConstraintDdl {
    private ConstraintDdl() {
    }

    /** One {@code name type [constraints]} per column of {@code model['columns']} (its values, in order). */
    public static List<String> columns(Adapter adapter, Collection<?> rawColumns) {
        List<String> rendered = new ArrayList<>();
        for (Object raw : rawColumns) {
            Map<?, ?> column = (Map<?, ?>) raw;
            String name = String.valueOf(column.get("name"));
            StringBuilder text = new StringBuilder(Boolean.TRUE.equals(column.get("quote")) ? adapter.quote(name) : name);
            text.append(' ').append(column.get("data_type"));
            for (Map<?, ?> constraint : maps(column.get("constraints"))) {
                if (writable(adapter, constraint)) {
                    String one = columnConstraint(constraint);
                    if (!one.isEmpty()) {
                        text.append(' ').append(one);
                    }
                }
            }
            rendered.add(text.toString());
        }
        return rendered;
    }

    /** One table constraint per model-level constraint the engine can write. */
    public static List<String> model(Adapter adapter, Object rawConstraints) {
        List<String> rendered = new ArrayList<>();
        for (Map<?, ?> constraint : maps(rawConstraints)) {
            if (writable(adapter, constraint)) {
                String one = modelConstraint(constraint);
                if (!one.isEmpty()) {
                    rendered.add(one);
                }
            }
        }
        return rendered;
    }

    static boolean writable(Adapter adapter, Map<?, ?> constraint) {
        String type = String.valueOf(constraint.get("type"));
        return type.equals("custom") || adapter.constraintSupport(type) != ConstraintSupport.NOT_SUPPORTED;
    }

    private static String columnConstraint(Map<?, ?> c) {
        String expression = text(c.get("expression"));
        String rendered = switch (String.valueOf(c.get("type"))) {
            case "check" -> expression.isEmpty() ? "" : "check (" + expression + ")";
            case "not_null" -> "not null " + expression;
            case "unique" -> "unique " + expression;
            case "primary_key" -> "primary key " + expression;
            case "foreign_key" -> c.get("to") != null && !toColumns(c).isEmpty()
                    ? "references " + c.get("to") + " (" + String.join(", ", toColumns(c)) + ")"
                    : expression.isEmpty() ? "" : "references " + expression;
            case "custom" -> expression;
            default -> "";
        };
        return rendered.strip();
    }

    private static String modelConstraint(Map<?, ?> c) {
        String prefix = c.get("name") == null ? "" : "constraint " + c.get("name") + " ";
        String columns = String.join(", ", strings(c.get("columns")));
        String expression = text(c.get("expression"));
        String withExpression = expression.isEmpty() ? "" : " " + expression;
        return switch (String.valueOf(c.get("type"))) {
            case "check" -> expression.isEmpty() ? "" : prefix + "check (" + expression + ")";
            case "unique" -> prefix + "unique" + withExpression + " (" + columns + ")";
            case "primary_key" -> prefix + "primary key" + withExpression + " (" + columns + ")";
            case "foreign_key" -> c.get("to") != null && !toColumns(c).isEmpty()
                    ? prefix + "foreign key (" + columns + ") references " + c.get("to") + " (" + String.join(", ", toColumns(c)) + ")"
                    : expression.isEmpty() ? "" : prefix + "foreign key (" + columns + ") references " + expression;
            case "custom" -> expression.isEmpty() ? "" : prefix + expression;
            default -> "";
        };
    }

    static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> {
                if (item instanceof Map<?, ?> map) {
                    maps.add(map);
                }
            });
        }
        return maps;
    }

    private static List<String> toColumns(Map<?, ?> c) {
        return strings(c.get("to_columns"));
    }

    private static List<String> strings(Object value) {
        return value instanceof Collection<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
