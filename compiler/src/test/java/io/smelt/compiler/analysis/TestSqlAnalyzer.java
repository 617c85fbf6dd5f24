package io.smelt.compiler.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqlAnalyzer {
    private final SqlAnalyzer analyzer = new SqlAnalyzer();
    private final List<InputTable> events = List.of(new InputTable("model.p.events",
            List.of(List.of("db", "main", "events")), List.of(new ColumnType("user_id", "INTEGER"),
                    new ColumnType("action", "VARCHAR"), new ColumnType("date", "DATE"), new ColumnType("amount", "DECIMAL(12,2)"))),
            new InputTable("seed.p.users", List.of(List.of("db", "main", "users")),
                    List.of(new ColumnType("user_id", null), new ColumnType("name", null))));

    @Test
    void outputColumnsAreInferred() {
        Analysis a = analyzer.analyse("""
                select date, user_id, count(*) as n, sum(amount) as total, concat(cast(date as string), '_') as k
                from "db"."main"."events" group by 1, 2""", SqlDialect.DUCKDB, events);
        assertThat(a.status()).as(String.valueOf(a.reason())).isEqualTo(Analysis.Status.ANALYSED);
        assertThat(a.columns()).extracting(ColumnType::name).containsExactly("date", "user_id", "n", "total", "k");
        assertThat(a.columns().get(0).type()).isEqualTo("DATE");
    }

    @Test
    void anUnknownColumnIsAFindingWithItsPositionAndAHint() {
        Analysis a = analyzer.analyse("select\n  user_id,\n  acton\nfrom db.main.events", SqlDialect.DUCKDB, events);
        assertThat(a.status()).isEqualTo(Analysis.Status.FINDING);
        assertThat(a.finding().kind()).isEqualTo(Finding.Kind.UNKNOWN_COLUMN);
        assertThat(a.finding().line()).isEqualTo(3);
        assertThat(a.finding().column()).isEqualTo(3);
        assertThat(a.finding().hint()).isEqualTo("did you mean 'action'?");
    }

    @Test
    void ambiguityAndUnionWidthAreFindings() {
        Analysis ambiguous = analyzer.analyse("select user_id from db.main.events e join db.main.users u on e.user_id = u.user_id",
                SqlDialect.TRINO, events);
        assertThat(ambiguous.finding().kind()).isEqualTo(Finding.Kind.AMBIGUOUS_COLUMN);
        Analysis union = analyzer.analyse("select user_id, action from db.main.events\nunion all\nselect user_id from db.main.users",
                SqlDialect.SPARK, events);
        assertThat(union.finding().kind()).isEqualTo(Finding.Kind.SET_OPERATION_MISMATCH);
    }

    @Test
    void whatCannotBeKnownIsNotAnalysedNotAFinding() {
        assertThat(analyzer.analyse("select user_id + 1 as x, x * 2 as y from db.main.events", SqlDialect.DUCKDB, events).status())
                .as("lateral alias").isEqualTo(Analysis.Status.NOT_ANALYSED);
        assertThat(analyzer.analyse("select e.action.a as a, action.b as b from db.main.events e", SqlDialect.DUCKDB, events).status())
                .as("fields of what may be struct columns").isEqualTo(Analysis.Status.NOT_ANALYSED);
        assertThat(analyzer.analyse("select * from raw.somewhere", SqlDialect.DUCKDB, events).status())
                .as("a relation the project does not define").isEqualTo(Analysis.Status.NOT_ANALYSED);
        assertThat(analyzer.analyse("select user_id from db.main.events group by all", SqlDialect.DUCKDB, events).status())
                .as("does not parse").isEqualTo(Analysis.Status.NOT_ANALYSED);
        assertThat(analyzer.analyse("select my_udf(user_id) as u, date_trunc('month', date) as m from db.main.events",
                SqlDialect.DUCKDB, events).status()).as("unknown functions are typed ANY").isEqualTo(Analysis.Status.ANALYSED);
    }

    @Test
    void aDateMinusADateIsTypedAsEachEngineTypesIt() {
        String sql = "select current_date() - cast(date as date) as days, cast(date as timestamp) - cast(date as timestamp) as span, "
                + "date - interval '1' day as before, amount - 1 as less, lag(date) over (order by date) - date as gap "
                + "from db.main.events";
        Analysis duckdb = analyzer.analyse(sql, SqlDialect.DUCKDB, events);
        assertThat(duckdb.status()).as(String.valueOf(duckdb.reason())).isEqualTo(Analysis.Status.ANALYSED);
        assertThat(duckdb.columns()).extracting(ColumnType::type)
                .containsExactly("BIGINT", "INTERVAL_DAY_SECOND", "DATE", "DECIMAL(13, 2)", "BIGINT");
        Analysis trino = analyzer.analyse(sql, SqlDialect.TRINO, events);
        assertThat(trino.columns()).extracting(ColumnType::type).startsWith("INTERVAL_DAY", "INTERVAL_DAY_SECOND");
        assertThat(analyzer.analyse("select action - date as x from db.main.events", SqlDialect.DUCKDB, events).status())
                .as("text minus a date is still refused").isNotEqualTo(Analysis.Status.ANALYSED);
    }
}
