package io.smelt.adapter.duckdb;

import io.smelt.adapter.jdbc.TypeNameMapping;

import java.util.Map;

import static java.util.Map.entry;

/**
 * Maps the type names dbt projects use (in seeds' {@code column_types}, casts and contracts) to
 * DuckDB's. Names DuckDB already knows keep their DuckDB meaning, as they do under dbt-duckdb: {@code
 * float} stays the 4-byte {@code FLOAT} and {@code int8} the 8-byte {@code BIGINT}. Names DuckDB lacks
 * but other engines use ({@code float64}, {@code timestamp_ntz}, {@code array<int>}, ...) are
 * translated; anything unknown (enums, user types) is passed through.
 */
final class DuckDbTypeMapping extends TypeNameMapping {
    private static final Map<String, String> NAMES = Map.ofEntries(
            entry("string", "VARCHAR"), entry("text", "VARCHAR"), entry("varchar", "VARCHAR"),
            entry("char", "VARCHAR"), entry("character", "VARCHAR"), entry("nvarchar", "VARCHAR"),
            entry("character varying", "VARCHAR"),
            entry("int", "INTEGER"), entry("integer", "INTEGER"), entry("int4", "INTEGER"), entry("int32", "INTEGER"),
            entry("bigint", "BIGINT"), entry("int8", "BIGINT"), entry("int64", "BIGINT"), entry("long", "BIGINT"),
            entry("smallint", "SMALLINT"), entry("int2", "SMALLINT"), entry("short", "SMALLINT"),
            entry("tinyint", "TINYINT"), entry("byteint", "TINYINT"), entry("byte", "TINYINT"),
            entry("hugeint", "HUGEINT"),
            entry("float", "FLOAT"), entry("float4", "FLOAT"), entry("real", "FLOAT"), entry("float32", "FLOAT"),
            entry("double", "DOUBLE"), entry("float8", "DOUBLE"), entry("float64", "DOUBLE"),
            entry("double precision", "DOUBLE"),
            entry("numeric", "DECIMAL"), entry("decimal", "DECIMAL"), entry("number", "DECIMAL"),
            entry("bignumeric", "DECIMAL(38,9)"), entry("bigdecimal", "DECIMAL(38,9)"),
            entry("boolean", "BOOLEAN"), entry("bool", "BOOLEAN"),
            entry("date", "DATE"), entry("time", "TIME"),
            entry("timestamp", "TIMESTAMP"), entry("datetime", "TIMESTAMP"), entry("timestamp_ntz", "TIMESTAMP"),
            entry("timestamp without time zone", "TIMESTAMP"),
            entry("timestamptz", "TIMESTAMPTZ"), entry("timestamp_tz", "TIMESTAMPTZ"), entry("timestamp_ltz", "TIMESTAMPTZ"),
            entry("timestamp with time zone", "TIMESTAMPTZ"),
            entry("interval", "INTERVAL"), entry("uuid", "UUID"), entry("json", "JSON"),
            entry("blob", "BLOB"), entry("binary", "BLOB"), entry("varbinary", "BLOB"), entry("bytea", "BLOB"),
            entry("bytes", "BLOB"));

    static final DuckDbTypeMapping INSTANCE = new DuckDbTypeMapping();

    private DuckDbTypeMapping() {
        super(NAMES, "%s[]", "MAP(%s, %s)", "STRUCT(%s)");
    }

    static String map(String type) {
        return INSTANCE.translate(type);
    }

    @Override
    protected String defaultDecimalArguments() {
        return "(18,3)";
    }

    @Override
    protected String known(ScalarName name, String mapped) {
        if (mapped.equals("VARCHAR") || mapped.contains("(")) {
            // DuckDB ignores lengths; dropping them keeps the declared type readable
            return mapped;
        }
        if (mapped.equals("DECIMAL") && name.arguments().isEmpty() && name.base().equals("number")) {
            return "DECIMAL(38,0)";
        }
        return mapped + name.arguments();
    }
}
