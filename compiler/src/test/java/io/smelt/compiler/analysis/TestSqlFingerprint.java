package io.smelt.compiler.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqlFingerprint {
    private static String of(String sql, String schema) {
        return SqlFingerprint.of(sql, SqlDialect.DUCKDB, "db", schema);
    }

    @Test
    void layoutCaseCommentsAndTheModelsOwnSchemaDoNotCount() {
        String prod = of("select a, sum(b) as total from \"db\".\"prod\".\"orders\" group by a", "prod");
        assertThat(prod).isNotNull();
        assertThat(of("-- totals\nSELECT A,\n       SUM(b) total\nFROM \"db\".\"pr_42\".\"orders\"\nGROUP BY a", "pr_42"))
                .isEqualTo(prod);
    }

    @Test
    void whatTheQueryMeansCounts() {
        String before = of("select a from db.s.orders where b > 1", "s");
        assertThat(of("select a from db.s.orders where b >= 1", "s")).isNotEqualTo(before);
        assertThat(of("select a from db.s.orders where b > '1'", "s")).isNotEqualTo(before);
        assertThat(of("select a from db.s.other_orders where b > 1", "s")).isNotEqualTo(before);
        assertThat(of("select a from raw.orders where b > 1", "s")).as("another schema").isNotEqualTo(before);
        assertThat(of("select 'A' as x from db.s.t", "s")).isNotEqualTo(of("select 'a' as x from db.s.t", "s"));
        assertThat(of("select \"A\" from db.s.t", "s")).as("a quoted name keeps its case").isNotEqualTo(of("select a from db.s.t", "s"));
    }
}
