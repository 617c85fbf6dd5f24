package io.smelt.compiler.context;

import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;
import io.smelt.compiler.jinja.PyDateTimes;
import io.smelt.compiler.jinja.PyTuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Objects;

/**
 * What {@code run_query} and {@code load_result(...).table} return: dbt's agate table as macros use it.
 * {@code rows} (each row a mapped sequence: by position, by column name, {@code keys()}/{@code values()}/
 * {@code items()}), {@code columns} (a mapped sequence of columns by name, each with {@code name},
 * {@code data_type} and {@code values()}), {@code column_names}, {@code column_types}, iterating the table
 * row by row, and {@code print_table()}. Dates and timestamps are Python {@code date}/{@code datetime} values.
 */
public final class ResultTable implements JinjaObject, Iterable<Object> {
    private final QueryResult result;
    private final List<String> names;
    private final List<List<Object>> values;
    private final Consumer<String> printer;

    /** @param printer where {@code print_table()} writes its text (the run's listener, never stdout) */
    public ResultTable(QueryResult result, Consumer<String> printer) {
        this.result = result;
        this.printer = printer;
        this.names = result.columns().stream().map(Column::name).toList();
        List<List<Object>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            List<Object> converted = new ArrayList<>(row.size());
            row.forEach(v -> converted.add(PyDateTimes.fromJava(v)));
            rows.add(Collections.unmodifiableList(converted));
        }
        this.values = rows;
    }

    public QueryResult result() {
        return result;
    }

    /**
     * agate's {@code rename(column_names)}: a mapping renames the columns it names, a sequence gives
     * every column its new name; the rows stay as they are.
     */
    private ResultTable rename(Object columnNames) {
        List<String> renamed = new ArrayList<>(names);
        if (columnNames instanceof java.util.Map<?, ?> map) {
            for (int i = 0; i < renamed.size(); i++) {
                Object to = map.get(renamed.get(i));
                if (to != null) {
                    renamed.set(i, to.toString());
                }
            }
        }
        else if (columnNames instanceof Iterable<?> sequence) {
            renamed.clear();
            sequence.forEach(n -> renamed.add(String.valueOf(n)));
            if (renamed.size() != names.size()) {
                throw new IllegalArgumentException("rename() got " + renamed.size() + " column names for a table of "
                        + names.size() + " columns");
            }
        }
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Column(renamed.get(i), result.columns().get(i).dataType()));
        }
        return new ResultTable(new QueryResult(columns, result.rows(), result.rowsAffected(), result.message(), result.queryId()), printer);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "rows" -> rows();
            case "columns" -> columns();
            case "column_names" -> PyTuple.copyOf(names);
            case "column_types" -> PyTuple.copyOf(result.columns().stream().map(Column::dataType).toList());
            case "print_table" -> (JinjaFunction) (args, kwargs) -> {
                printer.accept(AgateTablePrinter.print(names, values, args, kwargs));
                return null;
            };
            case "print_json", "print_csv" -> (JinjaFunction) (args, kwargs) -> null;
            case "rename" -> (JinjaFunction) (args, kwargs) -> rename(args.isEmpty() ? kwargs.get("column_names") : args.get(0));
            default -> null;
        };
    }

    @Override
    public Object item(Object key) {
        if (key instanceof Number index) {
            return rows().get(index.intValue());
        }
        return key instanceof String name ? columns().byKey(name) : null;
    }

    @Override
    public Iterator<Object> iterator() {
        return rows().iterator();
    }

    private List<Object> rows() {
        List<Object> rows = new ArrayList<>(values.size());
        for (List<Object> row : values) {
            rows.add(new AgateSequence(names, row));
        }
        return rows;
    }

    private AgateSequence columns() {
        List<Object> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new AgateColumn(i));
        }
        return new AgateSequence(names, columns);
    }

    /** One column: its values in row order (a sequence), plus {@code name}, {@code data_type}, {@code index}. */
    private final class AgateColumn extends AgateSequence {
        private final int index;

        AgateColumn(int index) {
            super(Collections.nCopies(values.size(), null), values.stream().map(row -> row.get(index)).toList());
            this.index = index;
        }

        @Override
        public Object attribute(String attribute) {
            return switch (attribute) {
                case "name" -> names.get(index);
                case "index" -> (long) index;
                case "data_type" -> result.columns().get(index).dataType();
                case "values_distinct" -> (JinjaFunction) (args, kwargs) -> PyTuple.copyOf(
                        new ArrayList<>(new LinkedHashSet<>(this)));
                case "values_without_nulls" -> (JinjaFunction) (args, kwargs) -> PyTuple.copyOf(
                        stream().filter(Objects::nonNull).toList());
                default -> super.attribute(attribute);
            };
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "<agate.Column: " + names.get(index) + ">";
        }
    }

    @Override
    public String toString() {
        return "<agate.table.Table object>";
    }
}
