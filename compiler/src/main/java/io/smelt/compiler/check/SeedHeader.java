package io.smelt.compiler.check;

import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.graph.Node;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A seed's columns: its CSV header, typed where {@code column_types} says (else any type). */
final class SeedHeader {
    private SeedHeader() {
    }

    static List<ColumnType> columns(Node seed, Path file) {
        if (file == null) {
            return null;
        }
        String delimiter = seed.config().string("delimiter", ",");
        char sep = delimiter.isEmpty() ? ',' : delimiter.charAt(0);
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        }
        catch (IOException e) {
            return null;
        }
        if (header == null) {
            return null;
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        Map<?, ?> types = seed.config().get("column_types") instanceof Map<?, ?> m ? m : Map.of();
        List<ColumnType> columns = new ArrayList<>();
        for (String name : fields(header, sep)) {
            Object type = types.get(name);
            columns.add(new ColumnType(name, type == null ? null : String.valueOf(type)));
        }
        return columns;
    }

    private static List<String> fields(String line, char sep) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
