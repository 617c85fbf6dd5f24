package io.smelt.cli.output;

import io.smelt.adapter.QueryResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Rows as dbt's {@code show} prints them: a Markdown-like table, numbers aligned right. */
public final class Tables {
    private Tables() {
    }

    public static List<String> render(QueryResult result) {
        int columns = result.columns().size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            String name = result.columns().get(c).name();
            header.add(name);
            widths[c] = Math.max(widths[c], name.length());
            numeric[c] = true;
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<String> line = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                Object value = c < row.size() ? row.get(c) : null;
                String text = text(value);
                if (value != null && !(value instanceof Number)) {
                    numeric[c] = false;
                }
                widths[c] = Math.max(widths[c], text.length());
                line.add(text);
            }
            cells.add(line);
        }
        List<String> lines = new ArrayList<>();
        lines.add(row(header, widths, new boolean[columns]));
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            rule.add("-".repeat(Math.max(1, widths[c])));
        }
        lines.add(row(rule, widths, new boolean[columns]));
        for (List<String> line : cells) {
            lines.add(row(line, widths, numeric));
        }
        return lines;
    }

    private static String row(List<String> values, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c);
            String pad = " ".repeat(Math.max(0, widths[c] - value.length()));
            line.append(' ').append(right[c] ? pad + value : value + pad).append(" |");
        }
        return line.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return JsonValues.hex(bytes);
        }
        return value.toString().replace("\n", "\\n");
    }
}
