package io.smelt.adapter.testing;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Session#loadSeed} against the engine: types, delimiters, quoting and a few thousand rows;
 * where the engine declares no seed loading, that it refuses with a clear error.
 */
public interface SeedContractTests extends AdapterFixture {
    int SEED_ROWS = 3000;

    @Test
    default void loadsSeedWithColumnTypes() {
        if (!hasBehavior(AdapterBehavior.SEEDS)) {
            assertSeedsRefused();
            return;
        }
        Adapter adapter = adapter();
        StringBuilder csv = new StringBuilder("id,name,amount,day,flag\n");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= SEED_ROWS; i++) {
            String name = i % 7 == 0 ? "\"O'Brien, \"\"Jr\"\"\"" : "name " + i;
            String amount = i % 100 == 0 ? "" : i + ".25";
            if (!amount.isEmpty()) {
                total = total.add(new BigDecimal(amount));
            }
            csv.append(i).append(',').append(name).append(',').append(amount).append(',')
                    .append(LocalDate.of(2024, 1, 1).plusDays(i % 28)).append(',').append(i % 2 == 0).append('\n');
        }
        Relation table = relation("seed_typed");
        long loaded = session().loadSeed(table, new SeedFile(write("typed.csv", csv.toString()), ",",
                Map.of("amount", adapter.mapType("decimal(10,2)")), true));

        assertThat(loaded).isEqualTo(SEED_ROWS);
        assertThat(count(table)).isEqualTo(SEED_ROWS);
        List<Column> columns = session().columns(table);
        assertThat(columns).extracting(c -> adapter.normalizeIdentifier(c.name())).containsExactly("id", "name", "amount", "day", "flag");
        assertThat(columns.get(2).dataType().replace(" ", "")).isEqualToIgnoringCase("decimal(10,2)");
        assertThat(columns.get(3).dataType()).isEqualToIgnoringCase("date");
        List<Object> sums = session().execute("SELECT sum(amount), count(amount), max(day) FROM " + adapter.render(table), true, -1).rows().get(0);
        assertThat((BigDecimal) sums.get(0)).isEqualByComparingTo(total);
        assertThat(sums.get(1)).isEqualTo((long) SEED_ROWS - SEED_ROWS / 100);
        assertThat(sums.get(2)).isEqualTo(LocalDate.of(2024, 1, 28));
        List<List<Object>> row = session().execute("SELECT name, flag FROM " + adapter.render(table) + " WHERE id = 14", true, -1).rows();
        assertThat(row).containsExactly(List.of("O'Brien, \"Jr\"", true));
    }

    @Test
    default void seedTypesFollowDbtsAgateRulesAndNamesAreQuoted() {
        if (!hasBehavior(AdapterBehavior.SEEDS)) {
            assertSeedsRefused();
            return;
        }
        Adapter adapter = adapter();
        Relation table = relation("seed_inferred");
        Path file = write("inferred.csv", """
                id,first name,order,nothing,ratio,flag,day,at,at_minutes,note
                1,Ada,3,,1.0,True,2024-01-02,2024-01-02 03:04:05,2024-01-02 03:04,null
                2,Bob,4,null,2.5,false,2024-01-03,2024-01-03T00:00:00,2024-01-03 00:00,x
                """);
        // an entry for a column the file lacks is ignored, as dbt's column_override.get(name) does
        assertThat(session().loadSeed(table, new SeedFile(file, ",", Map.of("missing", adapter.mapType("integer")), true)))
                .isEqualTo(2);
        assertThat(session().columns(table)).extracting(c -> adapter.normalizeIdentifier(c.name()))
                .containsExactly("id", "first name", "order", "nothing", "ratio", "flag", "day", "at", "at_minutes", "note");
        String columns = String.join(", ", adapter.quote("first name"), adapter.quote("order"), "nothing + 1", "ratio * 2",
                adapter.quote("flag"), adapter.quote("day"), adapter.quote("at"), adapter.quote("at_minutes"), adapter.quote("note"));
        List<List<Object>> rows = session().execute("SELECT " + columns + " FROM " + adapter.render(table) + " ORDER BY id",
                true, -1).rows();
        // an all-null column is agate's first type, a number; 1.0 makes the column decimal; "null" reads as null;
        // a datetime without seconds is text to agate
        assertThat(rows.get(0)).containsExactly("Ada", 3L, null, 2.0, true, LocalDate.of(2024, 1, 2),
                java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5), "2024-01-02 03:04", null);
        assertThat(rows.get(1)).containsExactly("Bob", 4L, null, 5.0, false, LocalDate.of(2024, 1, 3),
                java.time.LocalDateTime.of(2024, 1, 3, 0, 0), "2024-01-03 00:00", "x");
    }

    @Test
    default void loadsSeedWithOtherDelimiter() {
        if (!hasBehavior(AdapterBehavior.SEEDS)) {
            assertSeedsRefused();
            return;
        }
        Relation table = relation("seed_semicolon");
        Path file = write("semicolon.csv", "code;label\nA;one, two\nB;three\n");
        assertThat(session().loadSeed(table, new SeedFile(file, ";", Map.of(), true))).isEqualTo(2);
        assertThat(session().execute("SELECT label FROM " + adapter().render(table) + " ORDER BY code", true, -1).rows())
                .containsExactly(List.of("one, two"), List.of("three"));
    }

    @Test
    default void seedColumnQuoting() {
        if (!hasBehavior(AdapterBehavior.SEEDS)) {
            assertSeedsRefused();
            return;
        }
        Adapter adapter = adapter();
        Relation quoted = relation("seed_quoted");
        session().loadSeed(quoted, new SeedFile(write("quoted.csv", "First Name,UserName\nAda,ada1\n"), ",", Map.of(), true));
        assertThat(session().columns(quoted)).extracting(c -> adapter.normalizeIdentifier(c.name())).containsExactly("first name", "username");

        Relation unquoted = relation("seed_unquoted");
        session().loadSeed(unquoted, new SeedFile(write("unquoted.csv", "UserName,total\nada1,3\n"), ",", Map.of(), false));
        assertThat(session().columns(unquoted)).extracting(c -> adapter.normalizeIdentifier(c.name())).containsExactly("username", "total");
        assertThat(session().execute("SELECT username, total FROM " + adapter.render(unquoted), true, -1).rows())
                .containsExactly(List.of("ada1", 3L));

        // unquoted, a name with a space is not an identifier, as with dbt's quote_columns: false
        Path spaced = write("spaced.csv", "first name\nAda\n");
        assertThatThrownBy(() -> session().loadSeed(relation("seed_spaced"), new SeedFile(spaced, ",", Map.of(), false)))
                .isInstanceOf(EngineException.class);
    }

    /** Without seed loading, {@link Session#loadSeed} refuses and says so, and creates nothing. */
    private void assertSeedsRefused() {
        Relation table = relation("seed_refused");
        SeedFile seed = new SeedFile(write("refused.csv", "id\n1\n"), ",", Map.of(), true);
        assertThatThrownBy(() -> session().loadSeed(table, seed)).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("seed");
        assertThat(session().columns(table)).isEmpty();
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(tempDir().resolve(name), content, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
