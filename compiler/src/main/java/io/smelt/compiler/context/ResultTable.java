package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What {@code run_query} and {@code load_result(...).table} return: the shape of dbt's agate table
 * that macros use ({@code rows}, {@code columns[i].values()}, {@code column_names}, and iterating
 * the table itself, row by row). A row is a list of its values that also answers to its column
 * names ({@code row.table_name}, {@code row['table_name']}), as agate's rows do.
 */
public final class ResultTable implements JinjaObject, Iterable<Object> {
    private final QueryResult result;

    public ResultTable(QueryResult result) {
        this.result = result;
    }

    public QueryResult result() {
        return result;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "rows" -> rows();
            case "columns" -> columns();
            case "column_names" -> columnNames();
            case "column_types" -> result.columns().stream().map(Column::dataType).toList();
            case "print_table", "print_json", "print_csv" -> (JinjaFunction) (args, kwargs) -> "";
            default -> null;
        };
    }

    @Override
    public Object item(Object key) {
        if (key instanceof Number index) {
            return rows().get(index.intValue());
        }
        return key instanceof String name ? column(columnNames().indexOf(name)) : null;
    }

    @Override
    public Iterator<Object> iterator() {
        return rows().iterator();
    }

    private List<Object> rows() {
        List<String> names = columnNames();
        List<Object> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            rows.add(new Row(names, row));
        }
        return rows;
    }

    /** One row: its values by position, and by column name (case-insensitively) as attributes and keys. */
    private static final class Row extends AbstractList<Object> implements JinjaObject {
        private final List<String> names;
        private final List<Object> values;

        Row(List<String> names, List<Object> values) {
            this.names = names;
            this.values = new ArrayList<>(values);
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Object attribute(String name) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return values.get(i);
                }
            }
            return null;
        }
    }

    private List<String> columnNames() {
        return result.columns().stream().map(Column::name).toList();
    }

    private List<Object> columns() {
        List<Object> columns = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            columns.add(column(i));
        }
        return columns;
    }

    private JinjaObject column(int index) {
        if (index < 0) {
            return null;
        }
        String name = result.columns().get(index).name();
        List<Object> values = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            values.add(row.get(index));
        }
        return attribute -> switch (attribute) {
            case "name" -> name;
            case "values" -> (JinjaFunction) (args, kwargs) -> values;
            case "data_type" -> result.columns().get(index).dataType();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "<Table " + result.rows().size() + " rows, columns " + columnNames() + ">";
    }
}
