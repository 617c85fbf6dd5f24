package io.smelt.adapter.jdbc;

import io.smelt.adapter.EngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSeedCsv {
    @TempDir
    Path dir;

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws IOException {
        assertThat(read("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n", ','))
                .containsExactly(List.of("id", "note"), List.of("1", "a, b"), List.of("2", "say \"hi\""), List.of("3", "two\nlines"));
    }

    @Test
    void emptyFieldsAndNullTextReadAsNullAfterTheHeader() throws IOException {
        assertThat(read("a,null,c\n,\"\",NULL\nx,Null,nullish\n", ','))
                .containsExactly(List.of("a", "null", "c"), Arrays.asList(null, null, null), Arrays.asList("x", null, "nullish"));
    }

    @Test
    void headerOnlyFileHasOneRecord() throws IOException {
        assertThat(read("a,b\n", ',')).containsExactly(List.of("a", "b"));
        assertThat(read("", ',')).isEmpty();
    }

    @Test
    void byteOrderMarkAndEveryLineEndingAreRead() throws IOException {
        assertThat(read("\uFEFFid;name\r\n1;x\r2;y\n\r\n\n3;z", ';'))
                .containsExactly(List.of("id", "name"), List.of("1", "x"), List.of("2", "y"), List.of("3", "z"));
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        Path file = write("bad.csv", "a,b\n1,\"open\n2,3\n");
        try (SeedCsv csv = new SeedCsv(file, ',')) {
            csv.next();
            assertThatThrownBy(csv::next).isInstanceOf(EngineException.class)
                    .hasMessage("bad.csv: the quoted field opened on line 2 is never closed");
        }
        Path after = write("after.csv", "a,b\n\"x\"y,2\n");
        try (SeedCsv csv = new SeedCsv(after, ',')) {
            csv.next();
            assertThatThrownBy(csv::next).isInstanceOf(EngineException.class).hasMessage("after.csv line 2: unexpected 'y' after a closing quote");
        }
    }

    @Test
    void recordErrorsNameTheLineTheRecordStartsOn() throws IOException {
        Path file = write("lines.csv", "a,b\n\"1\n1\",2\n\n3\n");
        try (SeedCsv csv = new SeedCsv(file, ',')) {
            csv.next();
            csv.next();
            assertThat(csv.recordError("first").getMessage()).isEqualTo("lines.csv line 2: first");
            assertThat(csv.next()).containsExactly("3");
            assertThat(csv.recordError("has 1 fields").getMessage()).isEqualTo("lines.csv line 5: has 1 fields");
        }
    }

    private List<List<String>> read(String text, char delimiter) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (SeedCsv csv = new SeedCsv(write("seed.csv", text), delimiter)) {
            for (List<String> record = csv.next(); record != null; record = csv.next()) {
                records.add(record);
            }
        }
        return records;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
