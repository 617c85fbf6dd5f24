package io.smelt.compiler.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSqlParsing {
    @Test
    void dateAsANameParsesInEveryDialectButStaysATypeInCasts() throws Exception {
        String sql = """
                SELECT
                    date,
                    CAST(session_start AS DATE) AS date2,
                    DATE '2024-01-01' AS d,
                    CAST(x AS TIMESTAMP(3)) AS ts,
                    x::date AS y,
                    CAST(z AS timestamp with time zone) AS tz
                FROM t
                WHERE date >= DATE '2024-01-01'
                GROUP BY 1;
                """;
        for (SqlDialect dialect : SqlDialect.values()) {
            SqlParsing.Parsed parsed = SqlParsing.parse(sql, dialect);
            assertThat(parsed.text()).as(dialect.name()).contains(dialect.identifierQuote() + "date" + dialect.identifierQuote() + ",")
                    .contains("AS DATE)").contains("DATE '2024-01-01' AS").contains("AS TIMESTAMP(3)");
        }
    }

    @Test
    void anErrorPositionMapsBackOverTheQuotesAdded() {
        String sql = "select date, date, date from t where\n  date = date and )";
        assertThatThrownBy(() -> SqlParsing.parse(sql, SqlDialect.DUCKDB))
                .isInstanceOfSatisfying(SqlParsing.Failure.class, f -> {
                    assertThat(f.line()).isEqualTo(2);
                    assertThat(f.column()).as("at `and`, 4 columns left of where it is in the quoted text").isEqualTo(15);
                });
    }

    @Test
    void sparkQuotesWithBackticksAndReadsDoubleQuotesAsStrings() throws Exception {
        SqlParsing.Parsed parsed = SqlParsing.parse("select `a b`, \"text\" as t, date from x", SqlDialect.SPARK);
        assertThat(parsed.node().toString()).contains("'text'").contains("`a b`");
    }

    @Test
    void babelTakesWhatCoreRefuses() throws Exception {
        assertThat(SqlParsing.parse("select a::int as b from t", SqlDialect.DUCKDB).babel()).isTrue();
        assertThat(SqlParsing.parse("select a from t", SqlDialect.DUCKDB).babel()).isFalse();
    }

    @Test
    void duckDbIntervalsAndExtractOfAStringParseWithoutMovingPositions() throws Exception {
        String sql = "select x + interval '2 days' as y, extract('year' from x) as z from t";
        SqlParsing.Parsed parsed = SqlParsing.parse(sql, SqlDialect.DUCKDB);
        assertThat(parsed.text()).hasSameSizeAs(sql).contains("interval '2' DAY ").contains("extract( year  from x)");
    }
}
