package io.smelt.compiler.catalog;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.compiler.artifact.CatalogTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table a {@code get_catalog} macro returns, one row per column, read into one {@link CatalogTable}
 * per relation, as dbt's {@code Catalog.add_column} does: {@code table_*} columns describe the relation,
 * {@code column_*} the column, {@code stats:<id>:<label|value|description|include>} the relation's stats.
 * Column names are read without case (engines fold them).
 */
final class CatalogRows {
    private static final String STATS = "stats:";

    private CatalogRows() {
    }

    /** The relations in the result, by {@link #key}, each with its columns in index order. */
    static Map<String, CatalogTable> read(QueryResult result) {
        Map<String, Integer> at = new HashMap<>();
        List<Column> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            at.putIfAbsent(columns.get(i).name().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("table_schema", "table_name", "column_name")) {
            if (!at.containsKey(required)) {
                throw new IllegalArgumentException("the catalog query returned no " + required + " column (it returned "
                        + columns.stream().map(Column::name).toList() + ")");
            }
        }
        Map<String, CatalogTable> tables = new LinkedHashMap<>();
        Map<String, List<CatalogTable.Column>> tableColumns = new LinkedHashMap<>();
        for (List<Object> row : result.rows()) {
            Row r = new Row(at, row);
            String key = key(r.text("table_database"), r.text("table_schema"), r.text("table_name"));
            tables.computeIfAbsent(key, k -> new CatalogTable(textOr(r.text("table_type"), "BASE TABLE"), r.text("table_database"),
                    r.text("table_schema"), r.text("table_name"), r.text("table_comment"), r.text("table_owner"),
                    Map.of(), stats(at, row), null));
            String name = r.text("column_name");
            if (name != null) {
                int index = r.integer("column_index", tableColumns.getOrDefault(key, List.of()).size() + 1);
                tableColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(new CatalogTable.Column(name,
                        textOr(r.text("column_type"), ""), index, r.text("column_comment")));
            }
        }
        Map<String, CatalogTable> read = new LinkedHashMap<>();
        tables.forEach((key, table) -> {
            Map<String, CatalogTable.Column> byName = new LinkedHashMap<>();
            tableColumns.getOrDefault(key, List.of()).stream().sorted(Comparator.comparingInt(CatalogTable.Column::index))
                    .forEach(column -> byName.putIfAbsent(column.name(), column));
            read.put(key, new CatalogTable(table.type(), table.database(), table.schema(), table.name(), table.comment(),
                    table.owner(), byName, table.stats(), null));
        });
        return read;
    }

    /** How dbt's {@code CatalogKey} matches a relation: database, schema and name without case. */
    static String key(String database, String schema, String name) {
        return (database == null ? "" : database.toLowerCase(Locale.ROOT)) + "\u0000"
                + (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "\u0000" + name.toLowerCase(Locale.ROOT);
    }

    /** The stats the row gives that say to include them, as dbt's {@code format_stats} keeps them. */
    private static Map<String, CatalogTable.Stat> stats(Map<String, Integer> at, List<Object> row) {
        Map<String, CatalogTable.Stat> stats = new LinkedHashMap<>();
        for (String column : at.keySet().stream().sorted().toList()) {
            if (!column.startsWith(STATS) || !column.endsWith(":label")) {
                continue;
            }
            String id = column.substring(STATS.length(), column.length() - ":label".length());
            Row r = new Row(at, row);
            String prefix = STATS + id + ":";
            String label = r.text(prefix + "label");
            if (label != null && r.bool(prefix + "include")) {
                stats.put(id, new CatalogTable.Stat(id, label, r.value(prefix + "value"), r.text(prefix + "description"), true));
            }
        }
        return stats;
    }

    private static String textOr(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private record Row(Map<String, Integer> at, List<Object> values) {
        Object value(String column) {
            Integer index = at.get(column);
            return index == null ? null : values.get(index);
        }

        String text(String column) {
            Object value = value(column);
            return value == null ? null : value.toString();
        }

        int integer(String column, int fallback) {
            Object value = value(column);
            if (value instanceof Number number) {
                return number.intValue();
            }
            return value == null ? fallback : Integer.parseInt(value.toString().trim());
        }

        boolean bool(String column) {
            Object value = value(column);
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number number) {
                return number.intValue() != 0;
            }
            return value != null && "true".equalsIgnoreCase(value.toString().trim());
        }
    }
}
