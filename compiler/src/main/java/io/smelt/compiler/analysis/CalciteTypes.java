package io.smelt.compiler.analysis;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine type names (DuckDB's, Trino's, Spark's, and what people write in {@code data_type}) as
 * Calcite types, and back. A type Calcite has no equivalent for (structs, lists, maps, intervals) is
 * ANY, which every check accepts: an unknown type never makes a finding.
 */
public final class CalciteTypes {
    private static final org.apache.calcite.rel.type.RelDataTypeFactory FACTORY =
            new org.apache.calcite.sql.type.SqlTypeFactoryImpl(org.apache.calcite.rel.type.RelDataTypeSystem.DEFAULT);

    private static final Pattern PARAMS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private CalciteTypes() {
    }

    static RelDataType of(String type, RelDataTypeFactory factory) {
        RelDataType t = type == null ? null : exact(type.trim().toLowerCase(Locale.ROOT), factory);
        return factory.createTypeWithNullability(t == null ? factory.createSqlType(SqlTypeName.ANY) : t, true);
    }

    private static RelDataType exact(String type, RelDataTypeFactory f) {
        Matcher params = PARAMS.matcher(type);
        String base = type.replaceAll("\\(.*", "").trim();
        if (type.contains("<") || type.contains("[") || type.startsWith("struct") || type.startsWith("map")
                || type.startsWith("list") || type.startsWith("array") || type.startsWith("row")) {
            return null;
        }
        return switch (base) {
            case "tinyint", "int1", "byte" -> f.createSqlType(SqlTypeName.TINYINT);
            case "smallint", "int2", "short" -> f.createSqlType(SqlTypeName.SMALLINT);
            case "integer", "int", "int4", "signed", "int32" -> f.createSqlType(SqlTypeName.INTEGER);
            case "bigint", "int8", "long", "int64" -> f.createSqlType(SqlTypeName.BIGINT);
            case "hugeint", "uhugeint", "int128" -> f.createSqlType(SqlTypeName.DECIMAL, 38, 0);
            case "real", "float4", "float" -> f.createSqlType(SqlTypeName.REAL);
            case "double", "float8", "double precision", "float64" -> f.createSqlType(SqlTypeName.DOUBLE);
            case "decimal", "numeric", "dec" -> params.find()
                    ? f.createSqlType(SqlTypeName.DECIMAL, Integer.parseInt(params.group(1)),
                            params.group(2) == null ? 0 : Integer.parseInt(params.group(2)))
                    : f.createSqlType(SqlTypeName.DECIMAL, 18, 3);
            case "varchar", "char", "character", "character varying", "string", "text", "bpchar", "uuid", "json",
                    "nvarchar", "nchar" -> f.createSqlType(SqlTypeName.VARCHAR);
            case "boolean", "bool", "logical" -> f.createSqlType(SqlTypeName.BOOLEAN);
            case "date" -> f.createSqlType(SqlTypeName.DATE);
            case "time" -> f.createSqlType(SqlTypeName.TIME);
            case "timestamp", "datetime", "timestamp_ntz", "timestamp without time zone" -> f.createSqlType(SqlTypeName.TIMESTAMP);
            case "timestamptz", "timestamp with time zone", "timestamp_ltz" -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
            case "blob", "binary", "varbinary", "bytea" -> f.createSqlType(SqlTypeName.VARBINARY);
            default -> base.startsWith("timestamp") ? (base.contains("with time zone") ? f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
                    : f.createSqlType(SqlTypeName.TIMESTAMP)) : null;
        };
    }

    /**
     * The family of a type name (an engine's, a {@code data_type}, or one {@link #name} wrote):
     * {@code numeric}, {@code text}, {@code date}, {@code timestamp}, {@code time}, {@code boolean},
     * {@code binary}; null when unknown or any, which nothing contradicts.
     */
    public static String family(String type) {
        if (type == null) {
            return null;
        }
        RelDataType t = of(type, FACTORY);
        return switch (t.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, FLOAT, DOUBLE -> "numeric";
            case CHAR, VARCHAR -> "text";
            case DATE -> "date";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> "timestamp";
            case TIME -> "time";
            case BOOLEAN -> "boolean";
            case BINARY, VARBINARY -> "binary";
            default -> null;
        };
    }

    /** A Calcite type in plain SQL: {@code INTEGER}, {@code VARCHAR}, {@code DECIMAL(12, 2)}, {@code ANY}. */
    static String name(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case DECIMAL -> "DECIMAL(" + type.getPrecision() + ", " + type.getScale() + ")";
            case CHAR, VARCHAR -> "VARCHAR";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case NULL -> "ANY";
            default -> name.getName();
        };
    }
}
