package io.smelt.adapter.jdbc;

import io.smelt.adapter.EngineException;
import io.smelt.adapter.Session;

import java.util.List;
import java.util.function.Supplier;

/**
 * Sends a seed's rows in as few statements as fit: each statement is {@code head}, the rows joined
 * by commas, then {@code tail}, and holds as many rows as keep it within a number of characters.
 * Engines that parse one large literal faster than many {@code VALUES} rows (Trino, Spark) carry the
 * rows as one JSON text; {@link #jsonArray} and {@link #jsonString} write it.
 */
public final class SeedBatches {
    /** Sends one full statement and says how many rows it wrote. */
    public interface Sender {
        long send(String sql, int rows);
    }

    private final String head;
    private final String tail;
    private final int maxChars;
    private final Sender sender;
    private final StringBuilder sql;
    private int pending;
    private long loaded;

    /**
     * @param maxChars the longest statement the engine takes
     * @param sender sends a statement, such as {@code (sql, rows) -> session.execute(sql).rowsAffected()}
     */
    public SeedBatches(String head, String tail, int maxChars, Sender sender) {
        this.head = head;
        this.tail = tail;
        this.maxChars = maxChars;
        this.sender = sender;
        this.sql = new StringBuilder();
    }

    /** A sender that counts the rows sent, for engines that do not report rows written. */
    public static Sender counting(Session session) {
        return (sql, rows) -> {
            session.execute(sql);
            return rows;
        };
    }

    /**
     * Adds one row, sending the statement so far first when the row would not fit in it.
     *
     * @param tooLong the error when the row alone is too long for a statement, or null to send it anyway
     */
    public void add(CharSequence row, Supplier<EngineException> tooLong) {
        if (pending > 0 && sql.length() + 1 + row.length() + tail.length() > maxChars) {
            flush();
        }
        if (pending == 0) {
            sql.append(head);
            if (tooLong != null && sql.length() + row.length() + tail.length() > maxChars) {
                throw tooLong.get();
            }
        }
        else {
            sql.append(',');
        }
        sql.append(row);
        pending++;
    }

    /** Sends what is left and returns the rows written in all. */
    public long finish() {
        if (pending > 0) {
            flush();
        }
        return loaded;
    }

    private void flush() {
        loaded += sender.send(sql.append(tail).toString(), pending);
        sql.setLength(0);
        pending = 0;
    }

    /** Appends {@code values} as a JSON array of strings and nulls, each string through {@link #jsonString}. */
    public static void jsonArray(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(jsonString(values.get(i)));
        }
        out.append(']');
    }

    /** {@code value} as a JSON string ({@code "..."} with quotes, backslashes and control characters escaped), or {@code null}. */
    public static String jsonString(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
