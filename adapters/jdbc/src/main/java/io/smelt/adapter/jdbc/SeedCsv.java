package io.smelt.adapter.jdbc;

import io.smelt.adapter.EngineException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a seed's CSV one record at a time: RFC 4180 fields with a chosen delimiter, {@code "}
 * quoting with {@code ""} inside quotes, line breaks inside quoted fields, {@code \n}, {@code \r\n}
 * or {@code \r} between records, and a leading UTF-8 byte order mark. Empty lines are skipped. An
 * empty field, quoted or not, and after the header the text {@code null} in any case, read as null,
 * as dbt's seed loader (agate, with its null values {@code ""} and {@code "null"}) has it.
 */
public final class SeedCsv implements Closeable {
    private final BufferedReader reader;
    private final char delimiter;
    private final Path file;
    private int line = 1;
    private int recordLine;
    private int peeked = -2;
    private boolean headerRead;

    public SeedCsv(Path file, char delimiter) {
        this.file = file;
        this.delimiter = delimiter;
        try {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + file, e);
        }
    }

    /** The next record's fields, or null at the end of the file. */
    public List<String> next() {
        try {
            int c = read();
            while (c == '\n' || c == '\r') {
                endOfLine(c);
                c = read();
            }
            if (c < 0) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (c == '"' && field.length() == 0 && !quoted) {
                    quoted = true;
                    c = quotedField(field);
                }
                if (c < 0 || c == '\n' || c == '\r' || c == delimiter) {
                    boolean isNull = field.length() == 0 || (headerRead && field.length() == 4 && field.toString().equalsIgnoreCase("null"));
                    fields.add(isNull ? null : field.toString());
                    if (c != delimiter) {
                        if (c >= 0) {
                            endOfLine(c);
                        }
                        headerRead = true;
                        return fields;
                    }
                    field.setLength(0);
                    quoted = false;
                }
                else if (quoted) {
                    throw error("unexpected '" + (char) c + "' after a closing quote");
                }
                else {
                    field.append((char) c);
                }
                c = read();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + file, e);
        }
    }

    /** Reads a quoted field's text after its opening quote; returns the character after the closing quote. */
    private int quotedField(StringBuilder field) throws IOException {
        int start = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new EngineException(file.getFileName() + ": the quoted field opened on line " + start + " is never closed", null);
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    return after;
                }
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    /** Counts a line break, reading the \n of a \r\n pair. */
    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                peeked = after;
            }
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return reader.read();
    }

    /** An error about the last record returned. */
    public EngineException recordError(String message) {
        return new EngineException(file.getFileName() + " line " + recordLine + ": " + message, null);
    }

    public EngineException error(String message) {
        return new EngineException(file.getFileName() + " line " + line + ": " + message, null);
    }

    @Override
    public void close() {
        try {
            reader.close();
        }
        catch (IOException ignored) {
            // read-only
        }
    }
}
