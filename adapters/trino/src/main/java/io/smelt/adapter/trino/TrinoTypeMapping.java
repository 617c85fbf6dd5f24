package io.smelt.adapter.trino;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Maps the type names dbt projects use (seeds' {@code column_types}, {@code api.Column.translate_type},
 * casts) to Trino's. Follows dbt-trino where it decides ({@code string} and {@code text} are {@code
 * varchar}, {@code float} is {@code double}); {@code timestamp} becomes {@code timestamp(6)}, the
 * precision Iceberg stores. Lengths, precisions and scales given are kept. Names Trino lacks but
 * other engines use ({@code int64}, {@code timestamp_ntz}, {@code array<int>}, {@code
 * struct<a:int>}, {@code int[]}) are translated; anything unknown is passed through.
 */
final class TrinoTypeMapping {
    private static final Map<String, String> NAMES = Map.ofEntries(
            entry("string", "varchar"), entry("text", "varchar"), entry("varchar", "varchar"),
            entry("nvarchar", "varchar"), entry("character varying", "varchar"), entry("char", "char"),
            entry("character", "char"),
            entry("int", "integer"), entry("integer", "integer"), entry("int4", "integer"), entry("int32", "integer"),
            entry("bigint", "bigint"), entry("int8", "bigint"), entry("int64", "bigint"), entry("long", "bigint"),
            entry("smallint", "smallint"), entry("int2", "smallint"), entry("short", "smallint"),
            entry("tinyint", "tinyint"), entry("byteint", "tinyint"), entry("byte", "tinyint"),
            entry("float", "double"), entry("double", "double"), entry("float8", "double"), entry("float64", "double"),
            entry("double precision", "double"),
            entry("real", "real"), entry("float4", "real"), entry("float32", "real"),
            entry("numeric", "decimal"), entry("decimal", "decimal"), entry("number", "decimal"),
            entry("bignumeric", "decimal(38,9)"), entry("bigdecimal", "decimal(38,9)"),
            entry("boolean", "boolean"), entry("bool", "boolean"),
            entry("date", "date"), entry("time", "time"),
            entry("timestamp", "timestamp"), entry("datetime", "timestamp"), entry("timestamp_ntz", "timestamp"),
            entry("timestamp without time zone", "timestamp"),
            entry("timestamptz", "timestamp with time zone"), entry("timestamp_tz", "timestamp with time zone"),
            entry("timestamp_ltz", "timestamp with time zone"), entry("timestamp with time zone", "timestamp with time zone"),
            entry("uuid", "uuid"), entry("json", "json"),
            entry("varbinary", "varbinary"), entry("binary", "varbinary"), entry("blob", "varbinary"),
            entry("bytea", "varbinary"), entry("bytes", "varbinary"));

    private static final Set<String> WITH_ARGUMENTS = Set.of("varchar", "char", "decimal", "time");

    private TrinoTypeMapping() {
    }

    static String map(String type) {
        String trimmed = type.trim();
        if (trimmed.isEmpty()) {
            return type;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.endsWith("[]")) {
            return "array(" + map(trimmed.substring(0, trimmed.length() - 2)) + ")";
        }
        int angle = lower.indexOf('<');
        if (angle > 0 && lower.endsWith(">")) {
            return generic(lower.substring(0, angle).trim(), trimmed.substring(angle + 1, trimmed.length() - 1), type);
        }
        if (lower.matches("timestamp\\s*\\(\\s*\\d+\\s*\\)\\s+with(out)?\\s+time\\s+zone")) {
            return lower.replaceAll("\\s+", " ").replace(" without time zone", "").replaceAll("\\(\\s*(\\d+)\\s*\\)", "($1)");
        }
        int paren = lower.indexOf('(');
        String base = (paren < 0 ? lower : lower.substring(0, paren)).trim().replaceAll("\\s+", " ");
        String args = paren < 0 ? "" : lower.substring(paren).replaceAll("\\s+", "");
        String mapped = NAMES.get(base);
        if (mapped == null) {
            return type;
        }
        if (mapped.equals("timestamp") || mapped.equals("timestamp with time zone")) {
            String precision = args.isEmpty() ? "(6)" : args;
            return mapped.equals("timestamp") ? "timestamp" + precision : "timestamp" + precision + " with time zone";
        }
        if (mapped.contains("(")) {
            return mapped;
        }
        if (args.isEmpty()) {
            return base.equals("number") ? "decimal(38,0)" : mapped;
        }
        // Trino has no arguments on integer, floating or binary types (int(11), float(53)): drop them
        return WITH_ARGUMENTS.contains(mapped) ? mapped + args : mapped;
    }

    private static String generic(String base, String inner, String original) {
        List<String> parts = splitTopLevel(inner);
        switch (base) {
            case "array":
                return parts.size() == 1 ? "array(" + map(parts.get(0)) + ")" : original;
            case "map":
                return parts.size() == 2 ? "map(" + map(parts.get(0)) + ", " + map(parts.get(1)) + ")" : original;
            case "struct":
                List<String> fields = new ArrayList<>();
                for (String part : parts) {
                    String field = part.trim();
                    int split = field.indexOf(':') > 0 ? field.indexOf(':') : field.indexOf(' ');
                    if (split <= 0) {
                        return original;
                    }
                    fields.add(field.substring(0, split).trim() + " " + map(field.substring(split + 1)));
                }
                return "row(" + String.join(", ", fields) + ")";
            default:
                return original;
        }
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            }
            else if (c == '>' || c == ')') {
                depth--;
            }
            else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }
}
