package io.smelt.compiler.analysis;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TestColumnLineage {
    private final SqlAnalyzer analyzer = new SqlAnalyzer();
    private final List<InputTable> inputs = List.of(
            new InputTable("model.p.events", List.of(List.of("db", "main", "events")), List.of(new ColumnType("user_id", "INTEGER"),
                    new ColumnType("action", "VARCHAR"), new ColumnType("ts", "TIMESTAMP"), new ColumnType("amount", "DECIMAL(12,2)"),
                    new ColumnType("tags", "VARCHAR[]"))),
            new InputTable("seed.p.users", List.of(List.of("db", "main", "users")),
                    List.of(new ColumnType("user_id", "INTEGER"), new ColumnType("name", "VARCHAR"), new ColumnType("active", "BOOLEAN"))));

    @Test
    void throughACteTheOriginIsTheTableTheCteReads() {
        assertThat(lineage("""
                with recent as (select user_id, ts as seen_at, amount * 2 as doubled from db.main.events)
                select user_id as id, seen_at, doubled from recent""")).isEqualTo(Map.of(
                "id", Set.of("events.user_id direct"),
                "seen_at", Set.of("events.ts direct"),
                "doubled", Set.of("events.amount transformed")));
    }

    @Test
    void aStarIsExpandedToEveryColumnOfItsTable() {
        assertThat(lineage("select u.*, e.action from db.main.users u join db.main.events e on e.user_id = u.user_id"))
                .isEqualTo(Map.of(
                        "user_id", Set.of("users.user_id direct", "events.user_id join", "users.user_id join"),
                        "name", Set.of("users.name direct", "events.user_id join", "users.user_id join"),
                        "active", Set.of("users.active direct", "events.user_id join", "users.user_id join"),
                        "action", Set.of("events.action direct", "events.user_id join", "users.user_id join")));
    }

    @Test
    void aUnionColumnComesFromTheSameColumnOfEveryBranch() {
        assertThat(lineage("""
                select user_id, action as label from db.main.events
                union all
                select user_id, upper(name) from db.main.users where active""")).isEqualTo(Map.of(
                "user_id", Set.of("events.user_id direct", "users.user_id direct", "users.active filter"),
                "label", Set.of("events.action direct", "users.name transformed", "users.active filter")));
    }

    @Test
    void exceptAndLimitOnlyChooseRows() {
        assertThat(lineage("select user_id from db.main.events except select user_id from db.main.users"))
                .isEqualTo(Map.of("user_id", Set.of("events.user_id direct", "users.user_id filter")));
        assertThat(lineage("select action from db.main.events order by ts desc limit 3"))
                .isEqualTo(Map.of("action", Set.of("events.action direct", "events.ts filter")));
        assertThat(lineage("select action from db.main.events order by ts desc"))
                .as("without a limit the order decides no row").isEqualTo(Map.of("action", Set.of("events.action direct")));
    }

    @Test
    void joinKeysFeedEveryOutputColumnOfTheJoin() {
        assertThat(lineage("""
                select e.action, u.name from db.main.events e
                left join db.main.users u on u.user_id = e.user_id and u.active""")).isEqualTo(Map.of(
                "action", Set.of("events.action direct", "users.user_id join", "events.user_id join", "users.active join"),
                "name", Set.of("users.name direct", "users.user_id join", "events.user_id join", "users.active join")));
        assertThat(lineage("select name from db.main.users join db.main.events using (user_id)"))
                .isEqualTo(Map.of("name", Set.of("users.name direct", "users.user_id join", "events.user_id join")));
    }

    @Test
    void whereHavingAndQualifyColumnsAreFilters() {
        assertThat(lineage("select name from db.main.users where active and user_id > 10")).isEqualTo(Map.of(
                "name", Set.of("users.name direct", "users.active filter", "users.user_id filter")));
        assertThat(lineage("select user_id, count(*) as n from db.main.events group by user_id having max(ts) > current_timestamp"))
                .isEqualTo(Map.of("user_id", Set.of("events.user_id direct", "events.ts filter"), "n", Set.of("events.ts filter")));
        assertThat(lineage("select action from db.main.events qualify row_number() over (partition by user_id order by ts desc) = 1"))
                .isEqualTo(Map.of("action", Set.of("events.action direct", "events.user_id filter", "events.ts filter")));
    }

    @Test
    void windowPartitionAndOrderColumnsTransformTheWindowValue() {
        assertThat(lineage("""
                select user_id, row_number() over (partition by action order by ts) as rn,
                  sum(amount) over (partition by user_id) as running from db.main.events""")).isEqualTo(Map.of(
                "user_id", Set.of("events.user_id direct"),
                "rn", Set.of("events.action transformed", "events.ts transformed"),
                "running", Set.of("events.amount transformed", "events.user_id transformed")));
    }

    @Test
    void anAggregateIsTransformedFromItsArgumentsAndGroupKeysAreDirect() {
        assertThat(lineage("""
                select user_id, count(*) as n, sum(amount) filter (where action = 'buy') as bought, max(ts) as last_ts
                from db.main.events group by user_id""")).isEqualTo(Map.of(
                "user_id", Set.of("events.user_id direct"),
                "n", Set.of(),
                "bought", Set.of("events.amount transformed", "events.action filter"),
                "last_ts", Set.of("events.ts transformed")));
    }

    @Test
    void aScalarSubqueryFeedsOnlyTheColumnItComputes() {
        assertThat(lineage("""
                select e.user_id, (select max(u.name) from db.main.users u where u.user_id = e.user_id) as name
                from db.main.events e""")).isEqualTo(Map.of(
                "user_id", Set.of("events.user_id direct"),
                "name", Set.of("users.name transformed", "users.user_id filter", "events.user_id filter")));
        assertThat(lineage("select name from db.main.users where user_id in (select user_id from db.main.events where action = 'buy')"))
                .isEqualTo(Map.of("name", Set.of("users.name direct", "users.user_id filter", "events.user_id filter",
                        "events.action filter")));
        assertThat(lineage("select array(select name from db.main.users) as names from db.main.events"))
                .isEqualTo(Map.of("names", Set.of("users.name transformed")));
    }

    @Test
    void unnestAndLateralAreFollowedThroughTheCorrelation() {
        assertThat(lineage("select e.user_id, t.tag from db.main.events e cross join unnest(e.tags) as t(tag)")).isEqualTo(Map.of(
                "user_id", Set.of("events.user_id direct"),
                "tag", Set.of("events.tags transformed")));
        assertThat(lineage("""
                select e.action, l.name from db.main.events e,
                lateral (select u.name from db.main.users u where u.user_id = e.user_id) l""")).isEqualTo(Map.of(
                "action", Set.of("events.action direct", "users.user_id filter", "events.user_id filter"),
                "name", Set.of("users.name direct", "users.user_id filter", "events.user_id filter")));
    }

    @Test
    void namesAreTheInputsSpellingWhateverTheQueryWrites() {
        assertThat(lineage(SqlDialect.SPARK, "select `USER_ID` as Id, CONCAT(Action, '!') as `Shout` from db.main.events"))
                .isEqualTo(Map.of("Id", Set.of("events.user_id direct"), "Shout", Set.of("events.action transformed")));
    }

    @Test
    void aFunctionCalciteCannotConvertStillReadsItsOperands() {
        assertThat(lineage("select try_cast(amount as bigint) as whole, nullif(trim(action), '') as act from db.main.events"))
                .isEqualTo(Map.of("whole", Set.of("events.amount transformed"), "act", Set.of("events.action transformed")));
    }

    @Test
    void aPlanLineageDoesNotFollowLeavesTheLineageEmptyAndTheQueryAnalysed() {
        Analysis a = analyzer.analyse("""
                select * from db.main.events match_recognize (order by ts measures a.user_id as uid pattern (a) define a as a.amount > 0)""",
                SqlDialect.DUCKDB, inputs);
        assertThat(a.status()).as(String.valueOf(a.reason())).isEqualTo(Analysis.Status.ANALYSED);
        assertThat(a.lineage()).isEmpty();
    }

    private Map<String, Set<String>> lineage(String sql) {
        return lineage(SqlDialect.DUCKDB, sql);
    }

    private Map<String, Set<String>> lineage(SqlDialect dialect, String sql) {
        Analysis a = analyzer.analyse(sql, dialect, inputs);
        assertThat(a.status()).as(String.valueOf(a.reason())).isEqualTo(Analysis.Status.ANALYSED);
        Map<String, Set<String>> readable = new LinkedHashMap<>();
        a.lineage().forEach((column, origins) -> {
            Set<String> set = new TreeSet<>();
            origins.forEach(o -> set.add(o.origin().substring(o.origin().lastIndexOf('.') + 1) + "." + o.column() + " "
                    + o.kind().name().toLowerCase(Locale.ROOT)));
            readable.put(column, set);
        });
        assertThat(readable.keySet()).as("every output column has lineage").containsExactlyElementsOf(
                a.columns().stream().map(ColumnType::name).toList());
        return readable;
    }
}
