package io.smelt.compiler.analysis;

import org.junit.jupiter.api.Test;

import static io.smelt.compiler.analysis.SqlDialect.DUCKDB;
import static io.smelt.compiler.analysis.SqlDialect.SPARK;
import static io.smelt.compiler.analysis.SqlDialect.TRINO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDialectTranslator {
    private static String translate(String sql, SqlDialect from, SqlDialect to) throws Untranslatable {
        return DialectTranslator.translate(sql, from, to, null);
    }

    @Test
    void theSameDialectIsTheSameText() throws Untranslatable {
        String sql = "select `a`, \"b\" from t -- CONCAT(x)\n";
        assertThat(DialectTranslator.translate(sql, SPARK, SPARK, null)).isSameAs(sql);
    }

    @Test
    void castsToStringBecomeVarcharAndBack() throws Untranslatable {
        assertThat(translate("select CAST(x AS STRING) as s, try_cast(y as string) from t", SPARK, TRINO))
                .isEqualTo("select CAST(x AS VARCHAR) as s, try_cast(y as VARCHAR) from t");
        assertThat(translate("select CAST(x AS STRING) from t", SPARK, DUCKDB)).isEqualTo("select CAST(x AS VARCHAR) from t");
        assertThat(translate("select cast(x as varchar), cast(y as varchar(10)), cast(z as text) from t", TRINO, SPARK))
                .isEqualTo("select cast(x as STRING), cast(y as varchar(10)), cast(z as STRING) from t");
    }

    @Test
    void commentsLayoutAndLinesStay() throws Untranslatable {
        String sql = """
                -- a `comment` with CAST(x AS STRING)
                select
                    /* kept */ CAST(x AS STRING) as s

                from t
                """;
        assertThat(translate(sql, SPARK, TRINO)).isEqualTo(sql.replace("/* kept */ CAST(x AS STRING)", "/* kept */ CAST(x AS VARCHAR)"));
    }

    @Test
    void quotingAndStringsBetweenSparkAndTheOthers() throws Untranslatable {
        assertThat(translate("select `my col`, \"text\", 'it\\'s', 'a\\\\b' from `s`.`t` where x = \"y\"", SPARK, DUCKDB))
                .isEqualTo("select \"my col\", 'text', 'it''s', 'a\\b' from \"s\".\"t\" where x = 'y'");
        assertThat(translate("select \"my col\", 'it''s', 'a\\b' from \"s\".\"t\"", TRINO, SPARK))
                .isEqualTo("select `my col`, 'it\\'s', 'a\\\\b' from `s`.`t`");
    }

    @Test
    void twoSparkLiteralsRunTogether() throws Untranslatable {
        assertThat(translate("select 'it''s' from t", SPARK, TRINO)).as("Spark reads 'it' 's', that is its").isEqualTo("select 'its' from t");
    }

    @Test
    void aRelationTheEngineQuotedStaysAnIdentifierInSparkSql() throws Untranslatable {
        String raw = "select \"label\" as l from {{ ref('x') }}";
        String compiled = "select \"label\" as l from \"memory\".\"main\".\"x\"";
        assertThat(DialectTranslator.translate(compiled, SPARK, DUCKDB, raw))
                .isEqualTo("select 'label' as l from \"memory\".\"main\".\"x\"");
        assertThat(DialectTranslator.translate("select \"id\" from t", SPARK, DUCKDB, "select {{ dbt_utils.star(x) }} from t"))
                .as("a column a macro quoted for the engine").isEqualTo("select \"id\" from t");
    }

    @Test
    void concatOfNullIsNullOnEveryEngine() throws Untranslatable {
        assertThat(translate("select CONCAT(CAST(date AS STRING), '_', user_id) from t", SPARK, DUCKDB))
                .isEqualTo("select (CAST(date AS VARCHAR) || '_' || CAST(user_id AS VARCHAR)) from t");
        assertThat(translate("select CONCAT(CAST(date AS STRING), '_', user_id) from t", SPARK, TRINO))
                .isEqualTo("select (CAST(date AS VARCHAR) || '_' || CAST(user_id AS VARCHAR)) from t");
        assertThat(translate("select concat(a, '-', b) from t", DUCKDB, TRINO))
                .isEqualTo("select (coalesce(CAST(a AS VARCHAR), '') || '-' || coalesce(CAST(b AS VARCHAR), '')) from t");
        assertThat(translate("select concat(a, concat(b, c)) from t", DUCKDB, SPARK))
                .isEqualTo("select (coalesce(CAST(a AS STRING), '') || coalesce(CAST((coalesce(CAST(b AS STRING), '') || "
                        + "coalesce(CAST(c AS STRING), '')) AS STRING), '')) from t");
        assertThat(translate("select concat(a, b) from t", TRINO, SPARK)).isEqualTo("select concat(a, b) from t");
    }

    @Test
    void isoTimestampsCastOnTrino() throws Untranslatable {
        assertThat(translate("select TRY_CAST(event_time AS TIMESTAMP), CAST('2024-03-01T00:17:23' AS TIMESTAMP), "
                + "CAST('2024-03-01' AS TIMESTAMP) from t", DUCKDB, TRINO))
                .isEqualTo("select TRY_CAST(regexp_replace(CAST(event_time AS VARCHAR), '^(\\d{4}-\\d{1,2}-\\d{1,2})T', '$1 ') AS TIMESTAMP), "
                        + "CAST('2024-03-01 00:17:23' AS TIMESTAMP), CAST('2024-03-01' AS TIMESTAMP) from t");
        assertThat(translate("select TRY_CAST(event_time AS TIMESTAMP) from t", DUCKDB, SPARK))
                .isEqualTo("select TRY_CAST(event_time AS TIMESTAMP) from t");
    }

    @Test
    void sparkDateFunctions() throws Untranslatable {
        assertThat(translate("select date_add(d, 3), date_sub(d, n + 1), datediff(e, s) from t", SPARK, DUCKDB))
                .isEqualTo("select (CAST(d AS DATE) + CAST(3 AS INTEGER)), (CAST(d AS DATE) - CAST(n + 1 AS INTEGER)), "
                        + "(-date_diff('day', CAST(e AS DATE), CAST(s AS DATE))) from t");
        assertThat(translate("select date_add(d, 3), datediff(e, s) from t", SPARK, TRINO))
                .isEqualTo("select (CAST(d AS DATE) + (3) * INTERVAL '1' DAY), (-date_diff('day', CAST(e AS DATE), CAST(s AS DATE))) from t");
        assertThat(translate("select date_add('day', -2, max(d)) from t", SPARK, TRINO))
                .as("Trino's own date_add, as dbt.dateadd renders it on Trino").isEqualTo("select date_add('day', -2, max(d)) from t");
    }

    @Test
    void dateDiffCountsBoundariesOnDuckDbAndWholeUnitsElsewhere() throws Untranslatable {
        assertThat(translate("select date_diff('month', a, b), datediff('day', a, b) from t", DUCKDB, TRINO))
                .isEqualTo("select date_diff('month', date_trunc('month', a), date_trunc('month', b)), "
                        + "date_diff('day', date_trunc('day', a), date_trunc('day', b)) from t");
        assertThat(translate("select date_diff('month', a, b) from t", DUCKDB, SPARK))
                .isEqualTo("select timestampdiff(MONTH, date_trunc('month', CAST(a AS TIMESTAMP)), date_trunc('month', CAST(b AS TIMESTAMP))) from t");
        assertThat(translate("select date_diff('month', a, b) from t", TRINO, DUCKDB)).isEqualTo("select date_sub('month', a, b) from t");
        assertThat(translate("select date_diff('month', a, b) from t", TRINO, SPARK)).isEqualTo("select timestampdiff(MONTH, a, b) from t");
        assertThat(translate("select timestampdiff(MONTH, a, b) from t", SPARK, DUCKDB)).isEqualTo("select date_sub('month', a, b) from t");
        assertThat(translate("select timestampdiff(month, a, b) from t", SPARK, TRINO)).isEqualTo("select date_diff('month', a, b) from t");
    }

    @Test
    void intervalsOnTrino() throws Untranslatable {
        assertThat(translate("select d + INTERVAL 3 DAYS, d - interval '2 hours', d + interval -1 week, d + INTERVAL '1' DAY from t", DUCKDB, TRINO))
                .isEqualTo("select d + INTERVAL '3' DAY, d - interval '2' HOUR, d + interval '-7' DAY, d + INTERVAL '1' DAY from t");
    }

    @Test
    void renamedFunctions() throws Untranslatable {
        assertThat(translate("select nvl(a, 0), approx_count_distinct(b) from t", SPARK, TRINO))
                .isEqualTo("select coalesce(a, 0), approx_distinct(b) from t");
    }

    @Test
    void whatCannotBeTranslatedIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> translate("select a,\n  b\nfrom t\nqualify row_number() over (partition by a) = 1", DUCKDB, TRINO))
                .isInstanceOfSatisfying(Untranslatable.class, e -> {
                    assertThat(e.construct()).isEqualTo("qualify");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.getMessage()).isEqualTo("cannot translate qualify from duckdb to trino: trino has no QUALIFY");
                    assertThat(e.hint()).contains("outer query");
                });
        assertThatThrownBy(() -> translate("select\n  x::int from t", DUCKDB, SPARK))
                .isInstanceOfSatisfying(Untranslatable.class, e -> {
                    assertThat(e.construct()).isEqualTo("::");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(4);
                });
        assertThatThrownBy(() -> translate("select explode(xs) from t", SPARK, TRINO))
                .isInstanceOfSatisfying(Untranslatable.class, e -> assertThat(e.construct()).isEqualTo("explode()"));
    }

    @Test
    void macroOutputIsNotTranslated() throws Untranslatable {
        String raw = "select {{ dbt.concat(['a', 'b']) }}, concat(a, b), x::int from t";
        assertThat(DialectTranslator.translate("select a || b, concat(a, b), x::int from t", DUCKDB, DUCKDB, raw))
                .isEqualTo("select a || b, concat(a, b), x::int from t");
        assertThat(DialectTranslator.translate("select qualify_count from t", DUCKDB, TRINO, "select {{ col }} from t"))
                .isEqualTo("select qualify_count from t");
    }
}
