package io.smelt.compiler.exec;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestRowValues {
    @Test
    void engineValuesAndYamlValuesMeetInOneText() {
        assertThat(RowValues.normalize(new BigDecimal("15.000"))).isEqualTo(RowValues.normalize(15)).isEqualTo("15");
        assertThat(RowValues.normalize(70.0d)).isEqualTo(RowValues.normalize("70")).isEqualTo("70");
        assertThat(RowValues.normalize(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(RowValues.normalize(1.5d)).isEqualTo(RowValues.normalize("1.50")).isEqualTo("1.5");
        assertThat(RowValues.normalize(true)).isEqualTo(RowValues.normalize("True")).isEqualTo("true");
        assertThat(RowValues.normalize(LocalDate.of(2024, 1, 31))).isEqualTo(RowValues.normalize("2024-01-31"));
        assertThat(RowValues.normalize(LocalDateTime.of(2024, 1, 31, 10, 0))).isEqualTo(RowValues.normalize("2024-01-31 10:00:00"))
                .isEqualTo(RowValues.normalize(Timestamp.valueOf("2024-01-31 10:00:00.000"))).isEqualTo("2024-01-31 10:00:00");
        assertThat(RowValues.normalize(LocalDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000))).isEqualTo("2024-01-31 10:00:00.5");
        // a date expected from a timestamp column at midnight (jaffle-shop's stg_locations unit test)
        assertThat(RowValues.normalize(LocalDateTime.of(2016, 9, 1, 0, 0))).isEqualTo(RowValues.normalize("2016-09-01"))
                .isEqualTo(RowValues.normalize("2016-09-01T00:00:00.000")).isEqualTo("2016-09-01");
        assertThat(RowValues.normalize(LocalDateTime.of(2016, 9, 1, 0, 0, 1))).isNotEqualTo(RowValues.normalize("2016-09-01"));
        assertThat(RowValues.normalize("a b ")).isEqualTo("a b ");
        assertThat(RowValues.normalize((Object) null)).isNotEqualTo(RowValues.normalize("null"));
    }

    @Test
    void rowsPrintWithTheirColumns() {
        List<String> row = RowValues.normalize(Arrays.asList(1, null, "x"));
        assertThat(RowValues.format(List.of("id", "name", "code"), row)).isEqualTo("{id: 1, name: null, code: x}");
    }
}
