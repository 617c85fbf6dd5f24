package io.smelt.compiler.context;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * agate's {@code Table.print_table(max_rows=20, max_columns=6, max_column_width=20)}: a Markdown-style text
 * table (numbers right-aligned, with thousands separators; other values left-aligned), truncated rows and
 * columns shown as {@code ...}.
 */
final class AgateTablePrinter {
    private static final String ELLIPSIS = "...";

    private AgateTablePrinter() {
    }

    /** The table as {@code print_table(...)} shows it, without the final line break. */
    static String print(List<String> names, List<List<Object>> rows, List<Object> args, Map<String, Object> kwargs) {
        String text = format(names, rows, limit(args, kwargs, 0, "max_rows", 20),
                limit(args, kwargs, 1, "max_columns", 6), limit(args, kwargs, 3, "max_column_width", 20));
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static int limit(List<Object> args, Map<String, Object> kwargs, int index, String name, int dflt) {
        Object value = args.size() > index ? args.get(index) : kwargs.containsKey(name) ? kwargs.get(name) : dflt;
        return value == null ? Integer.MAX_VALUE : ((Number) value).intValue();
    }

    static String format(List<String> names, List<List<Object>> rows, int maxRows, int maxColumns, int maxWidth) {
        int shown = Math.min(maxColumns, names.size());
        boolean moreColumns = shown < names.size();
        List<String> header = new ArrayList<>(names.subList(0, shown));
        if (moreColumns) {
            header.add(ELLIPSIS);
        }
        int[] widths = header.stream().mapToInt(String::length).toArray();
        boolean[] numeric = new boolean[header.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int r = 0; r < Math.min(maxRows, rows.size()); r++) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                Object v = c < shown ? rows.get(r).get(c) : ELLIPSIS;
                numeric[c] |= v instanceof Number;
                String text = text(v);
                if (text.length() > maxWidth) {
                    text = text.substring(0, Math.max(maxWidth - 3, 0)) + ELLIPSIS;
                }
                widths[c] = Math.max(widths[c], text.length());
                line.add(text);
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, numeric);
        List<String> dashes = new ArrayList<>();
        for (int w : widths) {
            dashes.add("-".repeat(w));
        }
        line(out, dashes, widths, new boolean[widths.length]);
        cells.forEach(line -> line(out, line, widths, numeric));
        if (rows.size() > maxRows) {
            line(out, header.stream().map(h -> ELLIPSIS).toList(), widths, numeric);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String pad = " ".repeat(widths[c] - cells.get(c).length());
            out.append(' ').append(right[c] ? pad + cells.get(c) : cells.get(c) + pad).append(" |");
        }
        out.append('\n');
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof BigInteger) {
            return String.format(Locale.ROOT, "%,d", v);
        }
        if (v instanceof BigDecimal || (v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return new BigDecimal(v.toString()).toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return v.toString();
    }
}
