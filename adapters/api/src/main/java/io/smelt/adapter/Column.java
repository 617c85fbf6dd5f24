package io.smelt.adapter;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A column as the engine reports it: its name and its type as the engine spells it. */
public record Column(String name, String dataType) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
    }

    /**
     * The columns of a JDBC result, in order, with the names and type names the driver reports.
     *
     * @throws SQLException if the driver cannot describe the result
     */
    public static List<Column> listOf(ResultSetMetaData meta) throws SQLException {
        List<Column> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnName(i), meta.getColumnTypeName(i)));
        }
        return columns;
    }
}
