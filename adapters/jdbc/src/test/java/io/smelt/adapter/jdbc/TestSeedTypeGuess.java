package io.smelt.adapter.jdbc;

import io.smelt.adapter.EngineException;
import io.smelt.adapter.jdbc.SeedTypeGuess.Guessed;
import io.smelt.adapter.jdbc.SeedTypeGuess.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSeedTypeGuess {
    @TempDir
    Path dir;

    @Test
    void eachValueNarrowsTheKindAsAgateDoes() {
        assertThat(kind("1", "-2", "+3")).isEqualTo(Kind.INTEGER);
        assertThat(kind("1", "3000000000")).isEqualTo(Kind.BIGINT);
        assertThat(kind("1", "1.5", "2e3", ".5")).isEqualTo(Kind.DOUBLE);
        assertThat(kind("True", "false")).isEqualTo(Kind.BOOLEAN);
        assertThat(kind("2024-02-29", "2024-01-01")).isEqualTo(Kind.DATE);
        assertThat(kind("2024-02-30")).as("not a real day").isEqualTo(Kind.STRING);
        assertThat(kind("2024-01-01 10:00:00", "2024-01-01T10:00", "2024-01-01T10:00:00.123")).isEqualTo(Kind.TIMESTAMP);
        assertThat(kind("2024-01-01 10:00")).as("agate wants seconds after a space").isEqualTo(Kind.STRING);
        assertThat(kind("1", "x")).isEqualTo(Kind.STRING);
        assertThat(kind(null, null)).as("only nulls: agate's first type").isEqualTo(Kind.INTEGER);
        assertThat(kind(null, "2024-01-01")).isEqualTo(Kind.DATE);
        assertThat(kind("12345678901234567890")).as("past 18 digits: no integer").isEqualTo(Kind.DOUBLE);
    }

    @Test
    void guessTypesEveryColumnOfAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "id,day,note\n1,2024-01-01,x\n2,,\n");
        assertThat(SeedTypeGuess.guess(file, ','))
                .containsExactly(new Guessed("id", Kind.INTEGER), new Guessed("day", Kind.DATE), new Guessed("note", Kind.STRING));
    }

    @Test
    void guessRefusesEmptyFilesUnnamedColumnsAndRaggedRows() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> SeedTypeGuess.guess(empty, ',')).isInstanceOf(EngineException.class)
                .hasMessage("empty.csv is empty: a seed needs a header line");
        Path unnamed = Files.writeString(dir.resolve("unnamed.csv"), "a,,c\n");
        assertThatThrownBy(() -> SeedTypeGuess.guess(unnamed, ',')).hasMessage("unnamed.csv line 1: column 2 of the header has no name");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> SeedTypeGuess.guess(ragged, ',')).hasMessage("ragged.csv line 3: has 1 fields, the header has 2");
    }

    @Test
    void fixedTypeMatchesExactlyFirstThenIgnoringCase() {
        Map<String, String> types = Map.of("Amount", "decimal(10,2)", "amount", "double");
        assertThat(SeedTypeGuess.fixedType(types, "amount")).isEqualTo("double");
        assertThat(SeedTypeGuess.fixedType(Map.of("Amount", "decimal(10,2)"), "AMOUNT")).isEqualTo("decimal(10,2)");
        assertThat(SeedTypeGuess.fixedType(types, "other")).isNull();
    }

    private static Kind kind(String... values) {
        SeedTypeGuess guess = new SeedTypeGuess();
        for (String value : values) {
            guess.see(value);
        }
        return guess.kind();
    }
}
