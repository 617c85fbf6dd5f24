package io.smelt.adapter.trino;

import io.smelt.adapter.jdbc.TypeNameMapping;

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
final class TrinoTypeMapping extends TypeNameMapping {
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

    static final TrinoTypeMapping INSTANCE = new TrinoTypeMapping();

    private TrinoTypeMapping() {
        super(NAMES, "array(%s)", "map(%s, %s)", "row(%s)");
    }

    static String map(String type) {
        return INSTANCE.translate(type);
    }

    @Override
    protected String scalar(String type, String trimmed, String lower) {
        if (lower.matches("timestamp\\s*\\(\\s*\\d+\\s*\\)\\s+with(out)?\\s+time\\s+zone")) {
            return lower.replaceAll("\\s+", " ").replace(" without time zone", "").replaceAll("\\(\\s*(\\d+)\\s*\\)", "($1)");
        }
        return super.scalar(type, trimmed, lower);
    }

    @Override
    protected String known(ScalarName name, String mapped) {
        if (mapped.equals("timestamp") || mapped.equals("timestamp with time zone")) {
            String precision = name.arguments().isEmpty() ? "(6)" : name.arguments();
            return mapped.equals("timestamp") ? "timestamp" + precision : "timestamp" + precision + " with time zone";
        }
        if (mapped.contains("(")) {
            return mapped;
        }
        // Trino has no arguments on integer, floating or binary types (int(11), float(53)): drop them
        return keepingArguments(name, mapped, WITH_ARGUMENTS);
    }
}
