package io.smelt.compiler.analysis;

import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Calcite schema one query is validated in: each input table at each of its paths. A path that
 * two different inputs share is left out, so that a name is never resolved to the wrong relation.
 */
final class InputSchema {
    /** Type aliases engines accept in casts that Calcite's parser reads as user-defined types. */
    private static final Map<String, SqlTypeName> TYPE_ALIASES = Map.ofEntries(
            Map.entry("STRING", SqlTypeName.VARCHAR), Map.entry("TEXT", SqlTypeName.VARCHAR),
            Map.entry("JSON", SqlTypeName.VARCHAR), Map.entry("UUID", SqlTypeName.VARCHAR),
            Map.entry("INT64", SqlTypeName.BIGINT), Map.entry("INT8", SqlTypeName.BIGINT),
            Map.entry("LONG", SqlTypeName.BIGINT), Map.entry("INT4", SqlTypeName.INTEGER),
            Map.entry("INT2", SqlTypeName.SMALLINT), Map.entry("INT1", SqlTypeName.TINYINT),
            Map.entry("SHORT", SqlTypeName.SMALLINT), Map.entry("BYTE", SqlTypeName.TINYINT),
            Map.entry("FLOAT8", SqlTypeName.DOUBLE), Map.entry("FLOAT4", SqlTypeName.REAL),
            Map.entry("FLOAT64", SqlTypeName.DOUBLE), Map.entry("BOOL", SqlTypeName.BOOLEAN),
            Map.entry("HUGEINT", SqlTypeName.DECIMAL), Map.entry("BLOB", SqlTypeName.VARBINARY),
            Map.entry("BYTEA", SqlTypeName.VARBINARY), Map.entry("TIMESTAMPTZ", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE),
            Map.entry("DATETIME", SqlTypeName.TIMESTAMP), Map.entry("TIMESTAMP_NTZ", SqlTypeName.TIMESTAMP));

    private InputSchema() {
    }

    static CalciteSchema of(List<InputTable> inputs) {
        Folder root = new Folder();
        Map<List<String>, InputTable> byPath = new HashMap<>();
        Map<List<String>, Boolean> clashing = new HashMap<>();
        for (InputTable input : inputs) {
            for (List<String> path : input.paths()) {
                List<String> key = path.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
                InputTable before = byPath.putIfAbsent(key, input);
                if (before != null && before != input) {
                    clashing.put(key, true);
                }
            }
        }
        byPath.forEach((key, input) -> {
            if (!clashing.containsKey(key)) {
                root.put(key, new ColumnsTable(input));
            }
        });
        CalciteSchema schema = CalciteSchema.createRootSchema(false, false, "", root);
        TYPE_ALIASES.forEach((alias, type) -> schema.add(alias, factory -> factory.createSqlType(type)));
        return schema;
    }

    /** An input's columns as a table; {@link #input} tells lineage where a column came from. */
    static final class ColumnsTable extends AbstractTable {
        final InputTable input;

        ColumnsTable(InputTable input) {
            this.input = input;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory factory) {
            RelDataTypeFactory.Builder row = factory.builder();
            for (ColumnType column : input.columns()) {
                row.add(column.name(), CalciteTypes.of(column.type(), factory));
            }
            return row.uniquify().build();
        }
    }

    /** A level of names: sub-folders and tables, looked up by Calcite case-insensitively. */
    private static final class Folder extends AbstractSchema {
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final Map<String, Folder> folders = new LinkedHashMap<>();

        void put(List<String> path, Table table) {
            if (path.size() == 1) {
                tables.putIfAbsent(path.get(0), table);
                return;
            }
            folders.computeIfAbsent(path.get(0), k -> new Folder()).put(path.subList(1, path.size()), table);
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return tables;
        }

        @Override
        protected Map<String, Schema> getSubSchemaMap() {
            return new LinkedHashMap<>(folders);
        }
    }
}
