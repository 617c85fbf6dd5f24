package io.smelt.adapter.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestJdbcValueConverter {
    /** Reads a UUID as its upper-case text, to show the engine hook runs before the fallback. */
    private static final JdbcValueConverter CONVERTER = new JdbcValueConverter() {
        @Override
        protected Object convertEngineValue(Object value) {
            return value instanceof UUID uuid ? uuid.toString().toUpperCase(java.util.Locale.ROOT) : null;
        }
    };

    @Test
    void plainValuesBecomeTheNeutralTypes() throws SQLException {
        assertThat(CONVERTER.toJava(null)).isNull();
        assertThat(CONVERTER.toJava("x")).isEqualTo("x");
        assertThat(CONVERTER.toJava(7)).isEqualTo(7L);
        assertThat(CONVERTER.toJava((short) 7)).isEqualTo(7L);
        assertThat(CONVERTER.toJava((byte) 7)).isEqualTo(7L);
        assertThat(CONVERTER.toJava(1.1f)).isEqualTo(1.1d);
        assertThat(CONVERTER.toJava(new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(CONVERTER.toJava(Timestamp.valueOf("2024-02-29 13:45:30.123"))).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_000_000));
        assertThat(CONVERTER.toJava(Date.valueOf("2024-02-29"))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(CONVERTER.toJava(Time.valueOf("01:02:03"))).isEqualTo(LocalTime.of(1, 2, 3));
        assertThat(CONVERTER.toJava(new StringBuilder("text"))).isEqualTo("text");
    }

    @Test
    void nestedValuesAreConvertedElementByElementKeepingOrder() throws SQLException {
        UUID id = UUID.fromString("8c1f1d52-3b60-4d7e-9a6e-3c0f9ad1b2c3");
        assertThat(CONVERTER.toJava(new Object[] {1, null, 2.5f})).isEqualTo(Arrays.asList(1L, null, 2.5d));
        assertThat(CONVERTER.toJava(List.of(id))).isEqualTo(List.of("8C1F1D52-3B60-4D7E-9A6E-3C0F9AD1B2C3"));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", (short) 1);
        map.put("a", List.of(2));
        @SuppressWarnings("unchecked")
        Map<Object, Object> converted = (Map<Object, Object>) CONVERTER.toJava(map);
        assertThat(converted).containsExactly(Map.entry("z", 1L), Map.entry("a", List.of(2L)));
    }
}
