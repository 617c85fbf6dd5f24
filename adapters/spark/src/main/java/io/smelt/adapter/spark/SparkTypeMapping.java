package io.smelt.adapter.spark;

import io.smelt.adapter.jdbc.TypeNameMapping;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Maps the type names dbt projects use to Spark's: text types are {@code string}, {@code float} is
 * {@code double} (as on the other engines), zoned timestamps are {@code timestamp} (Spark's
 * timestamp is the session-zone instant), {@code json} and {@code uuid} are {@code string}. Decimal
 * precisions are kept; lengths of text types are dropped. Unknown names pass through.
 */
final class SparkTypeMapping extends TypeNameMapping {
    private static final Map<String, String> NAMES = Map.ofEntries(
            entry("string", "string"), entry("text", "string"), entry("varchar", "string"), entry("nvarchar", "string"),
            entry("character varying", "string"), entry("char", "string"), entry("character", "string"),
            entry("json", "string"), entry("uuid", "string"),
            entry("int", "int"), entry("integer", "int"), entry("int4", "int"), entry("int32", "int"),
            entry("bigint", "bigint"), entry("int8", "bigint"), entry("int64", "bigint"), entry("long", "bigint"),
            entry("smallint", "smallint"), entry("int2", "smallint"), entry("short", "smallint"),
            entry("tinyint", "tinyint"), entry("byteint", "tinyint"), entry("byte", "tinyint"),
            entry("float", "double"), entry("double", "double"), entry("float8", "double"), entry("float64", "double"),
            entry("double precision", "double"), entry("real", "float"), entry("float4", "float"), entry("float32", "float"),
            entry("numeric", "decimal"), entry("decimal", "decimal"), entry("number", "decimal"),
            entry("boolean", "boolean"), entry("bool", "boolean"), entry("date", "date"),
            entry("timestamp", "timestamp"), entry("datetime", "timestamp"), entry("timestamp_ntz", "timestamp_ntz"),
            entry("timestamp without time zone", "timestamp"), entry("timestamptz", "timestamp"), entry("timestamp_tz", "timestamp"),
            entry("timestamp_ltz", "timestamp"), entry("timestamp with time zone", "timestamp"),
            entry("binary", "binary"), entry("varbinary", "binary"), entry("blob", "binary"), entry("bytea", "binary"),
            entry("bytes", "binary"));

    private static final Set<String> WITH_ARGUMENTS = Set.of("decimal");

    static final SparkTypeMapping INSTANCE = new SparkTypeMapping();

    private SparkTypeMapping() {
        super(NAMES, "array<%s>", "map<%s, %s>", "struct<%s>");
    }

    @Override
    protected String defaultDecimalArguments() {
        return "(10,0)";
    }

    @Override
    protected String known(ScalarName name, String mapped) {
        return keepingArguments(name, mapped, WITH_ARGUMENTS);
    }
}
