package io.smelt.compiler.exec;

import io.smelt.compiler.graph.UnitTestSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestUnitTestFixtures {
    @Test
    void withoutColumnTypesDatesAndTimestampsAreStillTyped() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("day", "2024-03-12");
        row.put("at", "2024-03-12T08:30:00");
        row.put("name", "2024-03-12 is a date");
        row.put("n", 3);
        row.put("missing", null);
        String sql = UnitTestRunner.fixtureSql(new UnitTestSpec.Fixture("dict", List.of(row), null, null), Map.of(),
                text -> "'" + text.replace("'", "''") + "'");
        assertThat(sql).isEqualTo("select cast('2024-03-12' as date) as day, cast('2024-03-12 08:30:00' as timestamp) as at, "
                + "'2024-03-12 is a date' as name, 3 as n, null as missing");
    }

    @Test
    void withColumnTypesEveryValueIsCastAndOmittedColumnsAreNull() {
        String sql = UnitTestRunner.fixtureSql(new UnitTestSpec.Fixture("dict", List.of(Map.of("id", 1)), null, null),
                new LinkedHashMap<>(Map.of("id", "INTEGER")), text -> "'" + text + "'");
        assertThat(sql).isEqualTo("select cast('1' as INTEGER) as id");
    }
}
