package io.smelt.compiler.context;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Column;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;

import java.util.Locale;

/** A column as {@code adapter.get_columns_in_relation} returns it, with dbt's Column attributes. */
public record ColumnObject(Column column, Adapter adapter) implements JinjaObject {
    @Override
    public Object attribute(String name) {
        String type = column.dataType().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "name", "column" -> column.name();
            case "data_type", "dtype" -> column.dataType();
            case "quoted" -> adapter.quote(column.name());
            case "is_string" -> method(type.contains("char") || type.contains("text") || type.contains("string"));
            case "is_number" -> method(isInteger(type) || isFloat(type) || isNumeric(type));
            case "is_numeric" -> method(isNumeric(type));
            case "is_integer" -> method(isInteger(type));
            case "is_float" -> method(isFloat(type));
            case "char_size" -> size(type, 1);
            // dbt's Column.string_size(): the declared length, 256 for an unbounded string
            case "string_size" -> (JinjaFunction) (args, kwargs) -> {
                Long size = size(type, 1);
                return size == null ? 256L : size;
            };
            case "numeric_precision" -> isNumeric(type) ? size(type, 1) : null;
            case "numeric_scale" -> isNumeric(type) ? size(type, 2) : null;
            default -> null;
        };
    }

    /** The n-th number in the type's parentheses ({@code varchar(20)}, {@code decimal(10,2)}), or null. */
    private static Long size(String type, int n) {
        java.util.regex.Matcher m = SIZES.matcher(type);
        if (!m.find() || m.group(n) == null) {
            return null;
        }
        return Long.valueOf(m.group(n));
    }

    private static final java.util.regex.Pattern SIZES = java.util.regex.Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private static JinjaFunction method(boolean value) {
        return (args, kwargs) -> value;
    }

    private static boolean isInteger(String type) {
        return type.contains("int");
    }

    private static boolean isFloat(String type) {
        return type.contains("float") || type.contains("double") || type.equals("real");
    }

    private static boolean isNumeric(String type) {
        return type.startsWith("decimal") || type.startsWith("numeric");
    }

    @Override
    public String toString() {
        return "<Column " + column.name() + " (" + column.dataType() + ")>";
    }
}
