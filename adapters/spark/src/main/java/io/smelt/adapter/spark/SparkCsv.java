package io.smelt.adapter.spark;

import io.smelt.adapter.EngineException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed's CSV records, read whole (seeds are small): RFC 4180 fields with a chosen delimiter,
 * {@code "} quoting with {@code ""} inside quotes, line breaks inside quoted fields, any line
 * ending, a leading byte order mark. Empty lines are skipped; an empty field reads as null, as
 * dbt's seed loader has it.
 */
final class SparkCsv {
    private SparkCsv() {
    }

    /** Every record, the header first; each record with the 1-based line it starts on at its end removed. */
    static List<List<String>> read(Path file, char delimiter) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + file, e);
        }
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean end = i == text.length();
            i++;
            if (c == '"' && !fieldStarted) {
                int start = line;
                quoted = true;
                fieldStarted = true;
                while (true) {
                    if (i >= text.length()) {
                        throw new EngineException(file.getFileName() + ": the quoted field opened on line " + start + " is never closed", null);
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                            continue;
                        }
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                }
                continue;
            }
            if (c == delimiter || c == '\n' || c == '\r') {
                if (c != delimiter && record.isEmpty() && !fieldStarted) {
                    // an empty line
                }
                else {
                    record.add(field.length() == 0 ? null : field.toString());
                }
                field.setLength(0);
                fieldStarted = false;
                quoted = false;
                if (c != delimiter) {
                    if (!record.isEmpty()) {
                        records.add(record);
                        record = new ArrayList<>();
                    }
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                }
                if (end) {
                    break;
                }
                continue;
            }
            if (quoted) {
                throw new EngineException(file.getFileName() + " line " + line + ": unexpected '" + c + "' after a closing quote", null);
            }
            fieldStarted = true;
            field.append(c);
        }
        return records;
    }
}
